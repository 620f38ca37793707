import { definePreset } from "@switchyard/provider-openai-compatible";
import { finishDeepSeekChunk, finishDeepSeekResponse } from "./deepseek-finish-reason";
import { emulateJsonSchema } from "./deepseek-json-schema";
import { deepSeekReasoningHistory } from "./deepseek-reasoning-history";
import { applyDeepSeekThinking } from "./deepseek-thinking";
import { deepSeekUsageToChat } from "./deepseek-usage";

/** DeepSeek's default base URL (https://api-docs.deepseek.com). */
export const DEEPSEEK_BASE_URL = "https://api.deepseek.com";

/**
 * DeepSeek's quirks, as an OpenAI-compatible preset.
 *
 * - Request fields of https://api-docs.deepseek.com/api/create-chat-completion: `thinking`,
 *   `reasoning_effort`, `max_tokens`, sampling and penalty fields, `stop`, `stream_options`, `tools`,
 *   `tool_choice`, `response_format`, `logprobs`, `top_logprobs`. No `n`, `seed`, `user`,
 *   `parallel_tool_calls` or `logit_bias`. Roles: system, user, assistant, tool.
 * - `reasoning_effort` values as in the thinking mode guide's mapping table: minimal, low, medium, high,
 *   xhigh, max.
 * - Streams report usage with `stream_options.include_usage`, on the chunk that finishes (split into a
 *   `choices: []` chunk by the normaliser).
 * - JSON mode only, no JSON schemas: `response_format: json_schema` is served through JSON mode with the
 *   schema in the prompt (`emulateJsonSchema`) and the answer checked by the provider (`withSchemaChecks`).
 */
export const deepSeekPreset = definePreset({
  name: "deepseek",
  defaultBaseUrl: DEEPSEEK_BASE_URL,
  supportedFields: [
    "model",
    "messages",
    "stream",
    "stream_options",
    "thinking",
    "reasoning_effort",
    "temperature",
    "top_p",
    "stop",
    "max_tokens",
    "presence_penalty",
    "frequency_penalty",
    "logprobs",
    "top_logprobs",
    "tools",
    "tool_choice",
    "response_format",
  ],
  maxTokensOnly: true,
  acceptsDeveloperRole: false,
  reasoningEffortValues: ["minimal", "low", "medium", "high", "xhigh", "max"],
  streamUsage: "include-usage",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content"],
  sendsAssistantReasoning: true,
  prepareRequest(request) {
    const structured = emulateJsonSchema(request);
    const thinking = applyDeepSeekThinking(structured.value);
    return {
      value: { ...thinking.value, messages: deepSeekReasoningHistory(thinking.value.messages) },
      warnings: [...structured.warnings, ...thinking.warnings],
    };
  },
  adaptUsage: deepSeekUsageToChat,
  finishResponse: finishDeepSeekResponse,
  finishChunk: finishDeepSeekChunk,
});
