import { definePreset } from "../openai-compatible-preset";

/**
 * Together AI (https://api.together.xyz/v1).
 *
 * - Together documents OpenAI compatibility at https://docs.together.ai/docs/openai-api-compatibility, but
 *   no page listing exactly which Chat fields are accepted could be found, so this preset is conservative:
 *   the common OpenAI fields plus Together's documented sampling extensions `top_k` and
 *   `repetition_penalty` (https://docs.together.ai/reference/chat-completions), `max_tokens` only.
 * - `stream_options` is not documented there, so it is not sent; usage is read when the final chunk has it.
 * - Reasoning models may answer in `reasoning_content` or `reasoning`; both are read.
 */
export const togetherPreset = definePreset({
  name: "together",
  defaultBaseUrl: "https://api.together.xyz/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "temperature",
    "top_p",
    "top_k",
    "repetition_penalty",
    "stop",
    "max_tokens",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "tools",
    "tool_choice",
    "response_format",
  ],
  maxTokensOnly: true,
  acceptsDeveloperRole: false,
  streamUsage: "server-default",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content", "reasoning"],
});
