import type { ChatCompletionRequest, Translation, Warning } from "@switchyard/core";
import { unsupportedParameter } from "@switchyard/core";

/** Whether thinking mode is on for a request: asked for, turned off, or the model's default. */
export type DeepSeekThinking = "enabled" | "disabled";

/**
 * Decides thinking mode. `reasoning_effort: "none"` or `"off"` turns it off, any other effort turns it on;
 * without an effort the model decides. https://api-docs.deepseek.com/guides/thinking_mode: "Thinking mode
 * is enabled by default"; `deepseek-chat` is the non-thinking alias (and `deepseek-reasoner` the thinking
 * one) of the current model.
 */
export function deepSeekThinkingOf(request: ChatCompletionRequest): DeepSeekThinking {
  const effort = request.reasoning_effort;
  if (effort === "none" || effort === "off") return "disabled";
  if (effort !== null && effort !== undefined) return "enabled";
  return request.model === "deepseek-chat" ? "disabled" : "enabled";
}

/**
 * Sampling fields thinking mode does not take (https://api-docs.deepseek.com/guides/thinking_mode: "does
 * not support the temperature, top_p, presence_penalty, or frequency_penalty parameters ... setting these
 * parameters will not trigger an error but will not take effect"; the reasoning model guide adds that
 * `logprobs` and `top_logprobs` trigger an error).
 */
const NOT_IN_THINKING_MODE = [
  "temperature",
  "top_p",
  "presence_penalty",
  "frequency_penalty",
  "logprobs",
  "top_logprobs",
] as const;

/**
 * Maps `reasoning_effort` to DeepSeek's thinking controls (https://api-docs.deepseek.com/guides/thinking_mode,
 * "Thinking Mode Toggle and Effort Control"): `none`/`off` send `thinking: {type: "disabled"}` and no
 * effort; another effort sends `thinking: {type: "enabled"}` with the effort as given (DeepSeek maps
 * minimal/low to low, medium/high/xhigh to high and max to max itself). In thinking mode the sampling
 * fields it ignores or rejects are removed, one warning each.
 */
export function applyDeepSeekThinking(request: ChatCompletionRequest): Translation<ChatCompletionRequest> {
  const thinking = deepSeekThinkingOf(request);
  const value: ChatCompletionRequest = { ...request };
  const warnings: Warning[] = [];
  const effort = request.reasoning_effort;
  if (effort === "none" || effort === "off") {
    delete value.reasoning_effort;
    value["thinking"] = { type: "disabled" };
  } else if (effort !== null && effort !== undefined) {
    value["thinking"] = { type: "enabled" };
  }
  if (thinking === "enabled") {
    for (const field of NOT_IN_THINKING_MODE) {
      if (value[field] === null || value[field] === undefined) continue;
      delete value[field];
      warnings.push(unsupportedParameter(field, "deepseek", "not supported in thinking mode"));
    }
  }
  return { value, warnings };
}
