import type { ChatCompletionRequest, Warning } from "@switchyard/core";
import type { AnthropicModelProfile } from "./anthropic-model-profile";

/** The sampling parameters sent to Anthropic. */
export interface SamplingPlan {
  temperature?: number;
  top_p?: number;
  top_k?: number;
}

const dropped = (field: string, reason: string): Warning => ({
  type: "unsupported_parameter",
  code: field,
  message: `Parameter '${field}' is not supported by this Anthropic model ${reason}; it was not sent.`,
});

// Extended thinking docs: thinking "isn't compatible with temperature or top_k modifications", and top_p
// may be set between 0.95 and 1 while thinking.
const MIN_TOP_P_WHILE_THINKING = 0.95;

/**
 * Passes `temperature`, `top_p` and `top_k` where the model takes them and adjusts the rest, with a warning
 * each: 4.7-and-later models reject all three; Opus 4.1 and the 4.5/4.6 models reject `temperature` with
 * `top_p` (the temperature is kept); thinking excludes `temperature` and `top_k` and floors `top_p` at 0.95;
 * Anthropic's temperature range is 0 to 1 (OpenAI's is 0 to 2), so higher values are clamped.
 */
export function mapAnthropicSampling(
  request: ChatCompletionRequest,
  profile: AnthropicModelProfile,
  thinkingActive: boolean,
  warnings: Warning[],
): SamplingPlan {
  const plan: SamplingPlan = {};
  const fields = { temperature: request.temperature, top_p: request.top_p, top_k: request.top_k };
  if (profile.sampling === "none") {
    for (const [field, value] of Object.entries(fields))
      if (value != null) warnings.push(dropped(field, "(its sampling is fixed)"));
    return plan;
  }
  if (fields.temperature != null) {
    if (thinkingActive) warnings.push(dropped("temperature", "while it thinks"));
    else if (fields.temperature > 1) {
      warnings.push({
        type: "adjusted_parameter",
        code: "temperature",
        message: `temperature ${fields.temperature} was sent as 1, the highest value Anthropic accepts.`,
      });
      plan.temperature = 1;
    } else plan.temperature = fields.temperature;
  }
  if (fields.top_k != null) {
    if (thinkingActive) warnings.push(dropped("top_k", "while it thinks"));
    else plan.top_k = fields.top_k;
  }
  if (fields.top_p != null) {
    if (profile.sampling === "exclusive" && plan.temperature !== undefined)
      warnings.push(dropped("top_p", "together with temperature"));
    else if (thinkingActive && fields.top_p < MIN_TOP_P_WHILE_THINKING) {
      warnings.push({
        type: "adjusted_parameter",
        code: "top_p",
        message: `top_p ${fields.top_p} was sent as ${MIN_TOP_P_WHILE_THINKING}, the lowest value Anthropic accepts while thinking.`,
      });
      plan.top_p = MIN_TOP_P_WHILE_THINKING;
    } else plan.top_p = fields.top_p;
  }
  return plan;
}
