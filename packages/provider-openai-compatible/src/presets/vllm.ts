import { definePreset } from "../openai-compatible-preset";

/**
 * vLLM's OpenAI-compatible server (`vllm serve`, http://localhost:8000/v1).
 *
 * - https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html: "We support all parameters" of
 *   OpenAI's Chat API, plus extra sampling parameters (`top_k`, `min_p`, `repetition_penalty`, guided
 *   decoding) merged into the body. Every field is therefore sent, `stream_options` included.
 * - Reasoning: vLLM answered in `reasoning_content` and renamed it `reasoning`
 *   (github.com/vllm-project/vllm/pull/27752, old name removed in
 *   github.com/vllm-project/vllm/pull/33402); both are read.
 * - The API key is optional (`--api-key` is off by default).
 */
export const vllmPreset = definePreset({
  name: "vllm",
  defaultBaseUrl: "http://localhost:8000/v1",
  acceptsDeveloperRole: true,
  streamUsage: "include-usage",
  toolCallIds: "any",
  reasoningFields: ["reasoning", "reasoning_content"],
  apiKeyOptional: true,
});
