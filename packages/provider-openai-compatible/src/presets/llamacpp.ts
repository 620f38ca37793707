import { definePreset } from "../openai-compatible-preset";

/**
 * llama.cpp's `llama-server` (http://localhost:8080/v1).
 *
 * - github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md documents /v1/chat/completions as
 *   OpenAI-compatible plus its own sampling fields (`top_k`, `min_p`, ...); a complete list of accepted
 *   OpenAI fields could not be retrieved, so this preset keeps to the common ones plus `top_k` and `min_p`.
 * - A named `tool_choice` object is silently treated as "auto" (pypi.org/project/langchain-llama-cpp), so
 *   it is sent as `"required"` with `tools` narrowed to that tool.
 * - Reasoning arrives in `reasoning_content` (the server's default `--reasoning-format deepseek`).
 * - `stream_options` is not documented there; usage is read when the server sends it.
 * - No API key is needed unless the server was started with `--api-key`.
 */
export const llamacppPreset = definePreset({
  name: "llamacpp",
  defaultBaseUrl: "http://localhost:8080/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "temperature",
    "top_p",
    "top_k",
    "min_p",
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
  acceptsNamedToolChoice: false,
  streamUsage: "server-default",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content"],
  apiKeyOptional: true,
});
