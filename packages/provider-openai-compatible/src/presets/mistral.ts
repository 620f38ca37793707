import { definePreset } from "../openai-compatible-preset";

/**
 * Mistral La Plateforme (https://api.mistral.ai/v1).
 *
 * - Tool call ids must be nine letters or digits: the API answers 400 "Tool call id was call_0fypS1hVX but
 *   must be a-z, A-Z, 0-9, with a length of 9" (reported in github.com/karthink/gptel/issues/1203,
 *   github.com/zed-industries/zed/issues/53034, github.com/langchain-ai/langchain/pull/24668). Ids that
 *   break the rule are rewritten (see `mistral-tool-call-ids.ts`).
 * - Request fields from Mistral's OpenAPI spec (https://docs.mistral.ai/api/#tag/chat): `random_seed`
 *   (OpenAI's `seed`), `max_tokens`, `n`, `prediction`, `parallel_tool_calls`, `safe_prompt`,
 *   `prompt_mode`, and `reasoning_effort` on adjustable-reasoning models
 *   (https://docs.mistral.ai/inference/conversations/reasoning). There is no `stream_options`, `user`,
 *   `logprobs` or `logit_bias`; roles are system, user, assistant and tool.
 * - Streams end with `usage` on the finish chunk unasked (recorded Mistral traffic).
 * - Magistral streams reasoning as content parts `{type: "thinking", thinking: [{type: "text"}]}`, which
 *   the chunk normaliser reads into `reasoning_content`; streamed tool calls carry no `index`.
 */
export const mistralPreset = definePreset({
  name: "mistral",
  defaultBaseUrl: "https://api.mistral.ai/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "temperature",
    "top_p",
    "stop",
    "max_tokens",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "n",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "response_format",
    "prediction",
    "reasoning_effort",
    "safe_prompt",
    "prompt_mode",
  ],
  renamedFields: { seed: "random_seed" },
  maxTokensOnly: true,
  acceptsDeveloperRole: false,
  // docs.mistral.ai/inference/conversations/reasoning: adjustable models take low, medium and high.
  reasoningEffortValues: ["none", "low", "medium", "high"],
  streamUsage: "server-default",
  toolCallIds: "nine-alphanumeric",
  reasoningFields: ["reasoning_content"],
});
