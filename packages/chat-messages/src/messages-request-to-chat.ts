import type { AnthropicMessagesRequest } from "@switchyard/anthropic-api";
import {
  type ChatCompletionRequest,
  type ChatMessage,
  type ChatSystemMessage,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { convertMessagesToChat } from "./convert-messages-content";
import { mapMessagesThinking, mapMessagesToolChoice, mapMessagesTools } from "./map-messages-controls";

// Fields of the Messages request that this translation reads; every other field is reported.
const translatedFields = new Set([
  "model",
  "max_tokens",
  "messages",
  "system",
  "metadata",
  "stop_sequences",
  "stream",
  "temperature",
  "top_p",
  "top_k",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "gateway",
  "extensions",
]);

/** `system` (a string or text blocks) as one system message, keeping `cache_control` on its parts. */
function systemMessage(
  system: NonNullable<AnthropicMessagesRequest["system"]>,
): ChatSystemMessage | undefined {
  if (typeof system === "string") return system === "" ? undefined : { role: "system", content: system };
  const parts = system
    .filter((block) => block.text !== "")
    .map((block) =>
      block.cache_control
        ? { type: "text" as const, text: block.text, cache_control: block.cache_control }
        : { type: "text" as const, text: block.text },
    );
  if (parts.length === 0) return undefined;
  if (parts.every((part) => !("cache_control" in part)))
    return { role: "system", content: parts.map((part) => part.text).join("\n") };
  return { role: "system", content: parts };
}

/** Translates a Messages request into a Chat request, with a warning for each field Chat cannot carry. */
export function messagesRequestToChat(request: AnthropicMessagesRequest): Translation<ChatCompletionRequest> {
  const warnings: Warning[] = [];
  const messages: ChatMessage[] = [];
  const system = request.system === undefined ? undefined : systemMessage(request.system);
  if (system) messages.push(system);
  messages.push(...convertMessagesToChat(request.messages, warnings));

  const chat: ChatCompletionRequest = { model: request.model, messages, max_tokens: request.max_tokens };
  if (request.stream) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  if (request.temperature !== undefined) chat.temperature = request.temperature;
  if (request.top_p !== undefined) chat.top_p = request.top_p;
  if (request.top_k !== undefined) chat.top_k = request.top_k;
  if (request.stop_sequences && request.stop_sequences.length > 0) chat.stop = request.stop_sequences;
  if (request.metadata?.user_id) chat.user = request.metadata.user_id;
  if (request.tools && request.tools.length > 0) chat.tools = mapMessagesTools(request.tools);
  if (request.tool_choice) Object.assign(chat, mapMessagesToolChoice(request.tool_choice));
  const effort = mapMessagesThinking(request.thinking, request.output_config?.effort, warnings);
  if (effort !== undefined) chat.reasoning_effort = effort;
  const format = request.output_config?.format;
  if (format) {
    chat.response_format = {
      type: "json_schema",
      json_schema: { name: "output", schema: format.schema, strict: true },
    };
  }
  if (request.gateway) chat.gateway = request.gateway as ChatCompletionRequest["gateway"];
  if (request.extensions) chat.extensions = request.extensions as ChatCompletionRequest["extensions"];

  for (const field of Object.keys(request)) {
    if (!translatedFields.has(field)) warnings.push(unsupportedParameter(field, "the selected upstream"));
  }
  return { value: chat, warnings };
}
