import type {
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicTextBlock,
} from "@switchyard/anthropic-api";
import {
  type CacheControl,
  type ChatContentPart,
  type ChatImagePart,
  type ChatTextPart,
  invalidRequest,
  operationNotAllowed,
  type Warning,
} from "@switchyard/core";
import { toAnthropicCacheControl } from "./map-anthropic-cache-control";

/** A block a user turn or a tool result can hold. */
export type AnthropicUserContentBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;

// Media types Anthropic accepts for base64 images (Base64ImageSource in @anthropic-ai/sdk).
const IMAGE_MEDIA_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

const withCache = <Block extends object>(block: Block, cache: CacheControl | undefined): Block =>
  cache === undefined ? block : { ...block, cache_control: toAnthropicCacheControl(cache) };

/** Splits a `data:` URL into media type and base64 payload; undefined when it is not a base64 data URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]+)((?:;[^;,]*)*);base64,(.*)$/s.exec(url);
  if (match === null) return undefined;
  return { mediaType: match[1]!.toLowerCase(), data: match[3]! };
}

/** A text part as a block, or nothing when empty (Anthropic rejects empty text blocks). */
export function textBlock(text: string, cache?: CacheControl): AnthropicTextBlock | undefined {
  if (text === "") return undefined;
  return withCache({ type: "text" as const, text }, cache);
}

function imageBlock(part: ChatImagePart, path: string, warnings: Warning[]): AnthropicUserContentBlock {
  const { url, detail } = part.image_url;
  if (detail !== undefined && detail !== "auto")
    warnings.push({
      type: "unsupported_parameter",
      code: "image_url.detail",
      message: `Parameter '${path}.image_url.detail' is not supported by Anthropic; the image is sent at its own resolution.`,
    });
  const data = parseDataUrl(url);
  if (data === undefined) {
    if (url.startsWith("data:"))
      throw invalidRequest(`${path}.image_url.url: expected a base64 data: URL`, `${path}.image_url.url`);
    return withCache({ type: "image" as const, source: { type: "url" as const, url } }, part.cache_control);
  }
  if (data.mediaType === "application/pdf")
    return withCache(
      { type: "document" as const, source: { type: "base64", media_type: data.mediaType, data: data.data } },
      part.cache_control,
    );
  if (!IMAGE_MEDIA_TYPES.has(data.mediaType))
    throw invalidRequest(
      `${path}.image_url.url: image type '${data.mediaType}' is not supported by Anthropic (jpeg, png, gif, webp)`,
      `${path}.image_url.url`,
    );
  return withCache(
    {
      type: "image" as const,
      source: { type: "base64" as const, media_type: data.mediaType, data: data.data },
    },
    part.cache_control,
  );
}

/**
 * Converts the parts of a user or tool message into Anthropic blocks. Empty text is dropped; images become
 * url or base64 sources; inline PDFs become documents; audio and uploaded files cannot be served.
 */
export function convertUserParts(
  parts: readonly ChatContentPart[],
  path: string,
  warnings: Warning[],
): AnthropicUserContentBlock[] {
  const blocks: AnthropicUserContentBlock[] = [];
  parts.forEach((part, index) => {
    const partPath = `${path}[${index}]`;
    switch (part.type) {
      case "text": {
        const block = textBlock(part.text, part.cache_control);
        if (block !== undefined) blocks.push(block);
        return;
      }
      case "refusal": {
        const block = textBlock(part.refusal);
        if (block !== undefined) blocks.push(block);
        return;
      }
      case "image_url":
        blocks.push(imageBlock(part, partPath, warnings));
        return;
      case "input_audio":
        throw operationNotAllowed(partPath, "Audio input is not supported by Anthropic models.");
      case "file": {
        const data = part.file.file_data === undefined ? undefined : parseDataUrl(part.file.file_data);
        if (data?.mediaType === "application/pdf") {
          const document: AnthropicDocumentBlock = {
            type: "document",
            source: { type: "base64", media_type: data.mediaType, data: data.data },
          };
          if (part.file.filename !== undefined) document.title = part.file.filename;
          blocks.push(withCache(document, part.cache_control));
          return;
        }
        throw operationNotAllowed(
          `${partPath}.file`,
          "Only inline PDF files (file_data as a data:application/pdf;base64 URL) can be sent to Anthropic.",
        );
      }
    }
  });
  return blocks;
}

/** Text-only content (system, developer) as blocks, empty text dropped. */
export function convertTextContent(content: string | readonly ChatTextPart[]): AnthropicTextBlock[] {
  if (typeof content === "string") {
    const block = textBlock(content);
    return block === undefined ? [] : [block];
  }
  return content.flatMap((part) => {
    const block = textBlock(part.text, part.cache_control);
    return block === undefined ? [] : [block];
  });
}

/** Puts a message-level `cache_control` on the last block of that message. */
export function applyMessageCache<Block extends object>(
  blocks: Block[],
  cache: CacheControl | undefined,
): Block[] {
  if (cache === undefined || blocks.length === 0) return blocks;
  const last = blocks.length - 1;
  const anthropicCache = toAnthropicCacheControl(cache);
  return blocks.map((block, index) => (index === last ? { ...block, cache_control: anthropicCache } : block));
}
