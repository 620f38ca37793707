import type {
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicMessageParam,
  AnthropicRequestBlock,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
} from "@switchyard/anthropic-api";
import {
  type ChatAssistantMessage,
  type ChatContentPart,
  type ChatMessage,
  type ChatToolCall,
  type ChatToolMessage,
  type ChatUserMessage,
  operationNotAllowed,
  REASONING_FORMATS,
  type ReasoningDetail,
  unwrapReasoningDetails,
  type Warning,
} from "@switchyard/core";

type Block = Exclude<AnthropicRequestBlock, string>;

const withCache = <Part extends object>(part: Part, block: { cache_control?: unknown }): Part =>
  block.cache_control ? { ...part, cache_control: block.cache_control } : part;

/** A text or image block as a Chat content part. */
function imagePart(block: AnthropicImageBlock, path: string): ChatContentPart {
  const source = block.source;
  if (source.type === "base64") {
    return withCache(
      { type: "image_url", image_url: { url: `data:${source.media_type};base64,${source.data}` } },
      block,
    );
  }
  if (source.type === "url") return withCache({ type: "image_url", image_url: { url: source.url } }, block);
  throw operationNotAllowed(
    `${path}.source`,
    `${path}.source: images by Anthropic file id can only be served by an Anthropic upstream.`,
  );
}

/** A document block as Chat parts: a PDF becomes a `file` part, text becomes a text part. */
function documentParts(block: AnthropicDocumentBlock, path: string): ChatContentPart[] {
  const source = block.source;
  const heading = [block.title, block.context].filter((text): text is string => !!text).join("\n");
  const lead: ChatContentPart[] = heading ? [{ type: "text", text: heading }] : [];
  if (source.type === "base64") {
    const file = {
      file_data: `data:${source.media_type};base64,${source.data}`,
      filename: block.title ?? "document.pdf",
    };
    return [...lead, withCache({ type: "file", file }, block)];
  }
  if (source.type === "text") return [...lead, withCache({ type: "text", text: source.data }, block)];
  if (source.type === "content") {
    const content = source.content;
    if (typeof content === "string") return [...lead, withCache({ type: "text", text: content }, block)];
    return [
      ...lead,
      ...content.map((inner, index) => {
        if (inner.type === "text" && typeof inner.text === "string")
          return { type: "text" as const, text: inner.text };
        if (inner.type === "image")
          return imagePart(inner as AnthropicImageBlock, `${path}.source.content[${index}]`);
        throw operationNotAllowed(
          `${path}.source.content[${index}]`,
          `${path}.source.content[${index}]: unsupported block.`,
        );
      }),
    ];
  }
  throw operationNotAllowed(
    `${path}.source`,
    `${path}.source: documents by ${source.type === "url" ? "URL" : "Anthropic file id"} can only be served by an Anthropic upstream.`,
  );
}

/** Content parts of a user turn or tool result. */
function userParts(
  blocks: Array<AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock>,
  path: string,
): ChatContentPart[] {
  return blocks.flatMap((block, index): ChatContentPart[] => {
    const blockPath = `${path}[${index}]`;
    if (block.type === "text")
      return block.text === "" ? [] : [withCache({ type: "text", text: block.text }, block)];
    if (block.type === "image") return [imagePart(block, blockPath)];
    return documentParts(block, blockPath);
  });
}

/** A tool_result block as a `role: tool` message; `is_error` is kept as an extension field. */
function toolMessage(block: AnthropicToolResultBlock, path: string): ChatToolMessage {
  const content = block.content ?? "";
  const parts =
    typeof content === "string"
      ? content
      : userParts(chatBlocksOf(content, `${path}.content`), `${path}.content`);
  const simplified =
    Array.isArray(parts) &&
    parts.every((part) => part.type === "text") &&
    !parts.some((part) => "cache_control" in part)
      ? parts.map((part) => (part as { text: string }).text).join("\n")
      : parts;
  const message: ChatToolMessage = { role: "tool", tool_call_id: block.tool_use_id, content: simplified };
  if (block.is_error) message.is_error = true;
  if (block.cache_control) message.cache_control = block.cache_control;
  return message;
}

const unsupportedBlock = (block: Block, path: string) =>
  operationNotAllowed(
    `${path}.type`,
    `${path}.type: '${block.type}' blocks belong to Anthropic server tools and can only be served by an Anthropic upstream.`,
  );

/** The blocks of a tool result that Chat can carry; a search result, tool reference or other kind is a 400. */
function chatBlocksOf(
  blocks: Exclude<AnthropicToolResultBlock["content"], string | undefined>,
  path: string,
): Array<AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock> {
  return blocks.map((block, index) => {
    if (block.type === "text" || block.type === "image" || block.type === "document")
      return block as AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;
    throw unsupportedBlock(block, `${path}[${index}]`);
  });
}

/** A user turn: tool results first (as tool messages), then the rest as one user message. */
function userTurn(blocks: Block[], path: string): ChatMessage[] {
  const toolResults: ChatToolMessage[] = [];
  const rest: Array<AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock> = [];
  blocks.forEach((block, index) => {
    const blockPath = `${path}[${index}]`;
    if (block.type === "tool_result")
      toolResults.push(toolMessage(block as AnthropicToolResultBlock, blockPath));
    else if (block.type === "text" || block.type === "image" || block.type === "document") {
      rest.push(block as AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock);
    } else throw unsupportedBlock(block, blockPath);
  });
  const parts = userParts(rest, path);
  const messages: ChatMessage[] = [...toolResults];
  if (parts.length > 0) {
    const plain = parts.every((part) => part.type === "text" && !("cache_control" in part));
    const user: ChatUserMessage = {
      role: "user",
      content: plain ? parts.map((part) => (part as { text: string }).text).join("\n") : parts,
    };
    messages.push(user);
  }
  return messages;
}

/** An assistant turn: thinking into reasoning fields, text into content, tool_use into tool_calls. */
function assistantTurn(blocks: Block[], path: string, warnings: Warning[]): ChatAssistantMessage {
  const texts: string[] = [];
  const toolCalls: ChatToolCall[] = [];
  const reasoningTexts: string[] = [];
  const details: ReasoningDetail[] = [];
  blocks.forEach((block, index) => {
    const blockPath = `${path}[${index}]`;
    switch (block.type) {
      case "text":
        texts.push((block as AnthropicTextBlock).text);
        return;
      case "tool_use": {
        const use = block as { id: string; name: string; input: unknown };
        toolCalls.push({
          id: use.id,
          type: "function",
          function: { name: use.name, arguments: JSON.stringify(use.input ?? {}) },
        });
        return;
      }
      case "thinking": {
        const { thinking, signature } = block as { thinking: string; signature: string };
        reasoningTexts.push(thinking);
        const foreign = unwrapReasoningDetails(signature);
        if (foreign) details.push(...foreign);
        // An empty signature marks reasoning text from a model that signs nothing (DeepSeek): the text alone
        // travels, in reasoning_content.
        else if (signature !== "") {
          details.push({
            type: "reasoning.text",
            text: thinking,
            signature,
            format: REASONING_FORMATS.anthropic,
          });
        }
        return;
      }
      case "redacted_thinking": {
        const { data } = block as { data: string };
        details.push(
          ...(unwrapReasoningDetails(data) ?? [
            { type: "reasoning.encrypted", data, format: REASONING_FORMATS.anthropic },
          ]),
        );
        return;
      }
      default:
        throw unsupportedBlock(block, blockPath);
    }
  });
  const message: ChatAssistantMessage = {
    role: "assistant",
    content: texts.length > 0 ? texts.join("") : null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoningTexts.length > 0) message.reasoning_content = reasoningTexts.join("");
  if (details.length > 0) message.reasoning_details = details;
  if (texts.length === 0 && toolCalls.length === 0 && reasoningTexts.length === 0 && details.length === 0) {
    warnings.push({
      type: "dropped_content",
      code: path,
      message: `${path}: an empty assistant turn was sent as empty text.`,
    });
    message.content = "";
  }
  return message;
}

/** Converts the `messages` array of a Messages request into Chat messages. */
export function convertMessagesToChat(messages: AnthropicMessageParam[], warnings: Warning[]): ChatMessage[] {
  return messages.flatMap((message, index): ChatMessage[] => {
    const path = `messages[${index}].content`;
    const blocks: Block[] =
      typeof message.content === "string" ? [{ type: "text", text: message.content }] : message.content;
    if (message.role === "system") {
      const text = blocks
        .map((block) => (block.type === "text" ? (block as AnthropicTextBlock).text : ""))
        .join("\n");
      return [{ role: "system", content: text }];
    }
    if (message.role === "assistant") return [assistantTurn(blocks, path, warnings)];
    return userTurn(blocks, path);
  });
}
