import type { ChatUsage } from "@switchyard/core";
import { definePreset, type PresetRequestContext } from "../openai-compatible-preset";

const reasoningModel = (context: PresetRequestContext): boolean =>
  context.modelInfo?.reasoning ??
  (/^grok-(3-mini|4|code)/.test(context.model) && !context.model.includes("non-reasoning"));

/**
 * xAI (https://api.x.ai/v1).
 *
 * - https://docs.x.ai/docs/guides/reasoning: "presencePenalty, frequencyPenalty and stop parameters are not
 *   supported by reasoning models. Adding them in the request would result in an error." and
 *   "reasoning_effort is not supported by grok-3, grok-4 and grok-4-fast-reasoning ... Only grok-3-mini
 *   supports reasoning_effort" (grok-4.3 later accepts none/low/medium/high, per the xAI model page cited
 *   in the Vercel AI SDK 3.0.97 changelog). Only grok-3-mini returns `reasoning_content`.
 * - https://docs.x.ai/docs/key-information/consumption-and-rate-limits: "reasoning token consumption will
 *   be counted separately from completion_tokens, but will be counted in the total_tokens". OpenAI counts
 *   reasoning inside `completion_tokens`, so they are added back (recorded: 12 + 2 + 340 = 354).
 * - Streams honour `stream_options.include_usage` and end with a `choices: []` usage chunk (recorded).
 */
export const xaiPreset = definePreset({
  name: "xai",
  defaultBaseUrl: "https://api.x.ai/v1",
  supportedFields: [
    "model",
    "messages",
    "stream",
    "stream_options",
    "temperature",
    "top_p",
    "stop",
    "max_tokens",
    "max_completion_tokens",
    "presence_penalty",
    "frequency_penalty",
    "seed",
    "n",
    "logprobs",
    "top_logprobs",
    "logit_bias",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "response_format",
    "reasoning_effort",
    "user",
  ],
  unsupportedFieldsForModel(context) {
    const rejected: string[] = [];
    if (reasoningModel(context)) rejected.push("presence_penalty", "frequency_penalty", "stop");
    if (!/^grok-(3-mini|4\.3)/.test(context.model)) rejected.push("reasoning_effort");
    return rejected;
  },
  acceptsDeveloperRole: true,
  reasoningEffortValues: ["none", "low", "medium", "high"],
  streamUsage: "include-usage",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content"],
  adaptUsage(usage: ChatUsage): ChatUsage {
    const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
    if (reasoning === 0 || usage.prompt_tokens + usage.completion_tokens >= usage.total_tokens) return usage;
    return { ...usage, completion_tokens: usage.completion_tokens + reasoning };
  },
});
