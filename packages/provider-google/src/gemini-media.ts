import { invalidRequest, operationNotAllowed } from "@switchyard/core";
import type { GeminiPart } from "./gemini-api";

const mimeTypesByExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  gif: "image/gif",
  pdf: "application/pdf",
  txt: "text/plain",
  mp3: "audio/mp3",
  wav: "audio/wav",
  flac: "audio/flac",
  ogg: "audio/ogg",
  aac: "audio/aac",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
};

/** The MIME type implied by a URL's file extension, when it has a known one. */
export function mimeTypeOfUrl(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : mimeTypesByExtension[extension];
}

/** Decodes a `data:<mime>;base64,<data>` URL into Gemini `inlineData`; `path` names the field on error. */
export function inlineDataFromDataUrl(url: string, path: string): { mimeType: string; data: string } {
  const match = /^data:([^;,]+)((?:;[^;,]+)*),(.*)$/s.exec(url);
  if (match === null || !match[2]!.split(";").includes("base64")) {
    throw invalidRequest("must be a base64 data: URL ('data:<mime type>;base64,<data>')", path);
  }
  return { mimeType: match[1]!, data: match[3]! };
}

/**
 * The part for a media URL. `data:` URLs are sent inline. Gemini fetches `fileData` URIs itself: Files API
 * URIs, YouTube links, registered Cloud Storage objects (`gs://`) and, since January 2026, any public or
 * signed https URL (https://ai.google.dev/gemini-api/docs/file-input-methods). Anything else (`http:`,
 * `file:`, ...) is refused with a 400 rather than fetched by the gateway.
 */
export function geminiPartForUrl(url: string, path: string): GeminiPart {
  if (url.startsWith("data:")) return { inlineData: inlineDataFromDataUrl(url, path) };
  if (/^(https|gs):\/\//i.test(url)) {
    const mimeType = mimeTypeOfUrl(url);
    return { fileData: mimeType === undefined ? { fileUri: url } : { fileUri: url, mimeType } };
  }
  throw operationNotAllowed(
    path,
    "Gemini reads media only from data: URLs, https URLs and gs:// URIs; the gateway does not fetch other URLs.",
  );
}
