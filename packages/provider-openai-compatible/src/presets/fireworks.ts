import { definePreset } from "../openai-compatible-preset";

/**
 * Fireworks AI (https://api.fireworks.ai/inference/v1).
 *
 * - https://docs.fireworks.ai/tools-sdks/nim-compatibility: fields outside Fireworks' schema fail with
 *   "400 Extra inputs are not permitted", so the field list matters here.
 * - https://docs.fireworks.ai/tools-sdks/openai-compatibility (as summarised by its readers; the page itself
 *   was not retrievable): usage is returned on streaming responses too, in the final chunk, so
 *   `stream_options` is not sent. Older versions of that page listed `presence_penalty`,
 *   `frequency_penalty` and `logit_bias` as unsupported; they are left out to stay safe.
 * - Fireworks' own sampling fields `top_k`, `min_p`, `repetition_penalty` and `reasoning_effort`
 *   (https://docs.fireworks.ai/guides/reasoning, referenced from the NIM page; its value list was not
 *   retrievable, so only low/medium/high are sent) are accepted.
 */
export const fireworksPreset = definePreset({
  name: "fireworks",
  defaultBaseUrl: "https://api.fireworks.ai/inference/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "repetition_penalty",
    "n",
    "stop",
    "max_tokens",
    "max_completion_tokens",
    "seed",
    "logprobs",
    "top_logprobs",
    "tools",
    "tool_choice",
    "response_format",
    "reasoning_effort",
    "user",
  ],
  acceptsDeveloperRole: false,
  reasoningEffortValues: ["low", "medium", "high"],
  streamUsage: "server-default",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content", "reasoning"],
});
