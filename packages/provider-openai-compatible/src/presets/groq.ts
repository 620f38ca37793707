import type { ChatCompletionChunk, ChatUsage } from "@switchyard/core";
import { definePreset } from "../openai-compatible-preset";

/**
 * Groq (https://api.groq.com/openai/v1).
 *
 * - https://console.groq.com/docs/openai ("Currently Unsupported OpenAI Features"): `logprobs`,
 *   `logit_bias`, `top_logprobs` and `messages[].name` "will result in a 400 error"; `n` must be 1. They are
 *   left out of `supportedFields` (an explicit `n: 1` is dropped without a warning: it is the default).
 * - https://console.groq.com/docs/api-reference (chat create): the accepted fields below, including
 *   `max_completion_tokens`, `parallel_tool_calls`, `reasoning_effort`, `service_tier` and `user`.
 * - Reasoning models (qwen3, gpt-oss) stream their reasoning in `delta.reasoning` (seen in recorded Groq
 *   traffic), read into `reasoning_content`.
 * - Usage: the final chunk carries `x_groq.usage` (and `usage`) without `stream_options`; the Groq
 *   compatibility page does not document `stream_options`, so it is not sent and `x_groq.usage` is read
 *   when `usage` is missing.
 */
export const groqPreset = definePreset({
  name: "groq",
  defaultBaseUrl: "https://api.groq.com/openai/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "temperature",
    "top_p",
    "stop",
    "max_tokens",
    "max_completion_tokens",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "response_format",
    "reasoning_effort",
    "service_tier",
    "user",
  ],
  unsupportedMessageFields: ["name"],
  acceptsDeveloperRole: false,
  // none/default/low/medium/high depending on the model (Groq's reasoning options as listed in the
  // req_llm Groq guide, preview.hex.pm/preview/req_llm/1.3.0/show/guides/groq.md); `default` has no hub value.
  reasoningEffortValues: ["none", "low", "medium", "high"],
  streamUsage: "server-default",
  toolCallIds: "any",
  reasoningFields: ["reasoning"],
  finishChunk(chunk: ChatCompletionChunk) {
    const groqUsage = (chunk["x_groq"] as { usage?: ChatUsage } | undefined)?.usage;
    if (chunk.usage == null && groqUsage !== undefined)
      return { value: { ...chunk, usage: groqUsage }, warnings: [] };
    return { value: chunk, warnings: [] };
  },
});
