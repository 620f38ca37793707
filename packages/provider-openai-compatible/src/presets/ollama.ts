import { definePreset } from "../openai-compatible-preset";

/**
 * Ollama's OpenAI compatibility layer (http://localhost:11434/v1).
 *
 * - https://docs.ollama.com/api/openai-compatibility, "Supported request fields" of /v1/chat/completions:
 *   model, messages, frequency_penalty, presence_penalty, response_format, seed, stop, stream,
 *   stream_options.include_usage, temperature, top_p, max_tokens, tools, tool_choice, logit_bias, user, n,
 *   reasoning_effort; logprobs and top_logprobs since github.com/ollama/ollama (openai/openai.go, #12899).
 * - The API key is "required but ignored" by the OpenAI client; none is needed.
 * - Reasoning arrives in `reasoning` (openai/openai.go `Reasoning string json:"reasoning"`). Tool call
 *   arguments sometimes arrive as an object rather than a JSON string, and streamed tool calls may lack
 *   `index` (heiervang-technologies.github.io/am-i-openai-compatible/implementations/ollama); both are
 *   normalised by the chunk normaliser.
 */
export const ollamaPreset = definePreset({
  name: "ollama",
  defaultBaseUrl: "http://localhost:11434/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "stream_options",
    "temperature",
    "top_p",
    "stop",
    "max_tokens",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "n",
    "logit_bias",
    "logprobs",
    "top_logprobs",
    "tools",
    "tool_choice",
    "response_format",
    "reasoning_effort",
    "user",
  ],
  maxTokensOnly: true,
  acceptsDeveloperRole: false,
  streamUsage: "include-usage",
  toolCallIds: "any",
  reasoningFields: ["reasoning"],
  apiKeyOptional: true,
});
