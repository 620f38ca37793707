import type { ChatCompletionRequest, ChatMessage } from "@switchyard/core";
import type { RequestRequirements } from "./router-types";

/** Characters per token for the size estimate; 4 is the usual rule of thumb for English text and JSON. */
export const CHARACTERS_PER_TOKEN = 4;
/**
 * Tokens counted for one image, audio clip or file part. Providers bill images by size (OpenAI: 85 to ~1,100
 * tokens for common sizes; Anthropic: about 1,600 for a 1092x1092 image), so base64 length says little.
 */
export const MEDIA_PART_TOKENS = 1_600;
/** Per-message overhead of the chat format (role markers and separators). */
const MESSAGE_OVERHEAD_TOKENS = 4;

function contentSize(content: unknown): { characters: number; mediaParts: number; images: number } {
  if (typeof content === "string") return { characters: content.length, mediaParts: 0, images: 0 };
  if (!Array.isArray(content)) return { characters: 0, mediaParts: 0, images: 0 };
  let characters = 0;
  let mediaParts = 0;
  let images = 0;
  for (const part of content as { type?: string; text?: string; refusal?: string }[]) {
    if (part.type === "text") characters += part.text?.length ?? 0;
    else if (part.type === "refusal") characters += part.refusal?.length ?? 0;
    else {
      mediaParts += 1;
      if (part.type === "image_url") images += 1;
    }
  }
  return { characters, mediaParts, images };
}

function messageSize(message: ChatMessage): { characters: number; mediaParts: number; images: number } {
  const size = contentSize(message.content);
  if (message.role === "assistant") {
    size.characters += JSON.stringify(message.tool_calls ?? []).length - 2;
    size.characters += (message.reasoning_content ?? message.reasoning ?? "").length;
  }
  return size;
}

/**
 * What a Chat request needs from an offering: tools, parallel tool calls (only when asked for explicitly),
 * image input, JSON schema output, logprobs, streaming, and an estimate of the prompt size: text at
 * `CHARACTERS_PER_TOKEN`, each image, audio or file part at `MEDIA_PART_TOKENS`, plus tool definitions and
 * the response schema. The estimate only guards the context-window filter; billing uses reported usage.
 */
export function requirementsOfChatRequest(request: ChatCompletionRequest): RequestRequirements {
  let characters = 0;
  let mediaParts = 0;
  let images = 0;
  for (const message of request.messages) {
    const size = messageSize(message);
    characters += size.characters;
    mediaParts += size.mediaParts;
    images += size.images;
  }
  if (request.tools) characters += JSON.stringify(request.tools).length;
  if (request.functions) characters += JSON.stringify(request.functions).length;
  if (request.response_format?.type === "json_schema")
    characters += JSON.stringify(request.response_format).length;
  const estimatedInputTokens =
    Math.ceil(characters / CHARACTERS_PER_TOKEN) +
    mediaParts * MEDIA_PART_TOKENS +
    request.messages.length * MESSAGE_OVERHEAD_TOKENS;

  const tools = (request.tools?.length ?? 0) > 0 || (request.functions?.length ?? 0) > 0;
  const requirements: RequestRequirements = {
    tools,
    parallelTools: tools && request.parallel_tool_calls === true,
    vision: images > 0,
    jsonSchema: request.response_format?.type === "json_schema",
    logprobs: request.logprobs === true,
    streaming: request.stream === true,
    estimatedInputTokens,
  };
  const maxOutputTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxOutputTokens != null) requirements.maxOutputTokens = maxOutputTokens;
  return requirements;
}
