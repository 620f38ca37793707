import type {
  AnthropicEffort,
  AnthropicThinkingConfig,
  AnthropicToolChoice,
} from "@switchyard/anthropic-api";
import type { ReasoningEffort, Warning } from "@switchyard/core";
import type { AnthropicModelProfile } from "./anthropic-model-profile";
import { isForcedToolChoice } from "./map-anthropic-tools";

/** What the request sends for reasoning, and the tool choice left after resolving conflicts. */
export interface ThinkingPlan {
  thinking: AnthropicThinkingConfig | undefined;
  effort: AnthropicEffort | undefined;
  /** Whether the model thinks on this request, so thinking's sampling limits apply. */
  active: boolean;
  toolChoice: AnthropicToolChoice | undefined;
}

/** Share of `max_tokens` given to `budget_tokens` per `reasoning_effort`, for models that take a budget. */
export const BUDGET_RATIOS: Readonly<Record<Exclude<ReasoningEffort, "none" | "off">, number>> = {
  minimal: 0.1,
  low: 0.2,
  medium: 0.5,
  high: 0.8,
  xhigh: 0.9,
  max: 0.95,
};

/** Anthropic's floor for `budget_tokens` (extended thinking docs: "must be >= 1024 and less than max_tokens"). */
export const MIN_BUDGET_TOKENS = 1024;

/** `budget_tokens` for an effort, or undefined when `max_tokens` leaves no room for the 1024 minimum. */
export function thinkingBudget(
  effort: Exclude<ReasoningEffort, "none" | "off">,
  maxTokens: number,
): number | undefined {
  const budget = Math.min(
    Math.max(MIN_BUDGET_TOKENS, Math.floor(maxTokens * BUDGET_RATIOS[effort])),
    maxTokens - 1,
  );
  return budget < MIN_BUDGET_TOKENS ? undefined : budget;
}

const EFFORT_ORDER: readonly AnthropicEffort[] = ["low", "medium", "high", "xhigh", "max"];

/** The model's effort for a `reasoning_effort`: the same level, or the nearest lower one it accepts. */
export function mapEffort(
  effort: Exclude<ReasoningEffort, "none" | "off">,
  accepted: readonly AnthropicEffort[],
): AnthropicEffort {
  const wanted: AnthropicEffort = effort === "minimal" ? "low" : effort;
  const position = EFFORT_ORDER.indexOf(wanted);
  for (let index = position; index >= 0; index--) {
    const level = EFFORT_ORDER[index]!;
    if (accepted.includes(level)) return level;
  }
  return "low";
}

/** `auto`, keeping a `disable_parallel_tool_use` the forced choice carried. */
function toAutoChoice(choice: AnthropicToolChoice | undefined): AnthropicToolChoice {
  const disable = choice?.type === "none" ? undefined : choice?.disable_parallel_tool_use;
  return disable === undefined ? { type: "auto" } : { type: "auto", disable_parallel_tool_use: disable };
}

const adjusted = (code: string, message: string): Warning => ({ type: "adjusted_parameter", code, message });

/**
 * Maps `reasoning_effort` to `thinking` and `output_config.effort` for the model's family, and resolves
 * what Anthropic does not allow together (extended thinking docs: thinking "only supports tool_choice auto
 * or none"). The rule: a forced tool choice wins and thinking is turned off, since the client asked for a
 * specific call; on models whose thinking cannot be turned off, the tool choice falls back to `auto`.
 * Every change is reported as a warning.
 */
export function mapAnthropicThinking(
  reasoningEffort: ReasoningEffort | null | undefined,
  profile: AnthropicModelProfile,
  maxTokens: number,
  toolChoiceIn: AnthropicToolChoice | undefined,
  warnings: Warning[],
): ThinkingPlan {
  let toolChoice = toolChoiceIn;
  if (isForcedToolChoice(toolChoice) && !profile.forcedToolChoice) {
    warnings.push(
      adjusted(
        "tool_choice",
        "This Anthropic model rejects forced tool use; tool_choice was sent as 'auto'.",
      ),
    );
    toolChoice = toAutoChoice(toolChoice);
  }
  const off = reasoningEffort === "none" || reasoningEffort === "off";
  let plan: ThinkingPlan = { thinking: undefined, effort: undefined, active: false, toolChoice };
  const offPlan = (): ThinkingPlan => {
    if (profile.thinkingOff === "between_tools") return { ...plan, thinking: { type: "between_tools" } };
    if (profile.thinkingOff === "disabled")
      return { ...plan, thinking: profile.thinkingOnByDefault ? { type: "disabled" } : undefined };
    return plan;
  };
  if (profile.thinking === "none") {
    if (reasoningEffort != null && !off)
      warnings.push({
        type: "unsupported_parameter",
        code: "reasoning_effort",
        message: "Parameter 'reasoning_effort' is not supported by this Anthropic model: it does not think.",
      });
    return plan;
  }
  if (off) {
    if (profile.thinkingOff !== "impossible") return offPlan();
    warnings.push(
      adjusted(
        "reasoning_effort",
        "This Anthropic model always thinks; reasoning_effort 'none' was sent as effort 'low'.",
      ),
    );
    plan = { ...plan, thinking: undefined, effort: "low", active: true };
  } else if (reasoningEffort != null) {
    if (profile.thinking === "adaptive") {
      const effort = mapEffort(reasoningEffort, profile.efforts);
      if (effort !== reasoningEffort)
        warnings.push(
          adjusted(
            "reasoning_effort",
            `reasoning_effort '${reasoningEffort}' was sent as effort '${effort}', the nearest level this model accepts.`,
          ),
        );
      plan = { ...plan, thinking: { type: "adaptive" }, effort, active: true };
    } else {
      const budget = thinkingBudget(reasoningEffort, maxTokens);
      if (budget === undefined) {
        warnings.push(
          adjusted(
            "reasoning_effort",
            `Thinking was not enabled: max_tokens ${maxTokens} leaves no room for the minimum thinking budget of ${MIN_BUDGET_TOKENS} tokens.`,
          ),
        );
        return plan;
      }
      plan = { ...plan, thinking: { type: "enabled", budget_tokens: budget }, active: true };
    }
  } else {
    plan = { ...plan, active: profile.thinkingOnByDefault };
  }
  if (!plan.active || !isForcedToolChoice(toolChoice)) return plan;
  if (profile.thinkingOff === "disabled") {
    warnings.push(
      adjusted(
        "reasoning_effort",
        "Thinking was turned off: Anthropic does not allow thinking with a forced tool_choice, and the forced tool choice takes precedence.",
      ),
    );
    return { ...offPlan(), effort: undefined, active: false };
  }
  warnings.push(
    adjusted(
      "tool_choice",
      "tool_choice was sent as 'auto': this Anthropic model always thinks, and thinking does not allow a forced tool choice.",
    ),
  );
  return { ...plan, toolChoice: toAutoChoice(toolChoice) };
}
