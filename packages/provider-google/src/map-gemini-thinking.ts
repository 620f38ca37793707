import { type ReasoningEffort, type Translation, unsupportedParameter, type Warning } from "@switchyard/core";
import type { GeminiThinkingConfig } from "./gemini-api";
import type { GeminiModelTraits } from "./gemini-models";

type ThinkingLevel = NonNullable<GeminiThinkingConfig["thinkingLevel"]>;

const levelOrder: readonly ThinkingLevel[] = ["minimal", "low", "medium", "high"];

/** `thinkingBudget` per effort on Gemini 2.5, clamped to the model's documented range. */
const budgets: Record<Exclude<ReasoningEffort, "none" | "off" | "max">, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 16384,
  xhigh: 24576,
};

const adjusted = (message: string): Warning => ({
  type: "adjusted_parameter",
  code: "reasoning_effort",
  message,
});

function levelFor(effort: ReasoningEffort, traits: GeminiModelTraits, warnings: Warning[]): ThinkingLevel {
  const supported = traits.thinkingLevels;
  if (effort === "none" || effort === "off") {
    const lowest = supported[0] ?? "low";
    warnings.push(
      adjusted(
        `Gemini 3 models cannot turn thinking off; reasoning_effort '${effort}' was sent as '${lowest}'.`,
      ),
    );
    return lowest;
  }
  const wanted: ThinkingLevel = effort === "xhigh" || effort === "max" ? "high" : effort;
  // Both efforts above 'high' are lowered the same way, each with its warning.
  if (effort === "xhigh" || effort === "max") {
    warnings.push(
      adjusted(`Gemini's highest thinking level is 'high'; reasoning_effort '${effort}' was sent as 'high'.`),
    );
  }
  if (supported.includes(wanted)) return wanted;
  // The nearest supported level above the wanted one, else the highest.
  const above = levelOrder.slice(levelOrder.indexOf(wanted)).find((level) => supported.includes(level));
  const chosen = above ?? supported[supported.length - 1] ?? "high";
  warnings.push(
    adjusted(`This Gemini model has no thinking level '${wanted}'; '${chosen}' was sent instead.`),
  );
  return chosen;
}

function budgetFor(effort: ReasoningEffort, traits: GeminiModelTraits, warnings: Warning[]): number {
  const { min, max, canDisable } = traits.budgetRange;
  if (effort === "none" || effort === "off") {
    if (canDisable) return 0;
    warnings.push(
      adjusted(`This Gemini model cannot turn thinking off; its smallest thinking budget (${min}) was sent.`),
    );
    return min;
  }
  if (effort === "max") return max;
  return Math.min(max, Math.max(min, budgets[effort]));
}

/**
 * Maps `reasoning_effort` to `thinkingConfig`: `thinkingLevel` on Gemini 3, `thinkingBudget` on 2.5 (never
 * both: the API rejects the pair), `includeThoughts: true` whenever reasoning is asked for. Without
 * `reasoning_effort` the model keeps its own default (dynamic thinking) and nothing is sent.
 */
export function mapGeminiThinking(
  effort: ReasoningEffort | null | undefined,
  traits: GeminiModelTraits,
  modelReasons = true,
): Translation<GeminiThinkingConfig | undefined> {
  const warnings: Warning[] = [];
  if (effort === undefined || effort === null) return { value: undefined, warnings };
  const off = effort === "none" || effort === "off";
  if (traits.thinking === "none" || !modelReasons) {
    if (!off)
      warnings.push(unsupportedParameter("reasoning_effort", "this Gemini model", "it does not think"));
    return { value: undefined, warnings };
  }
  if (traits.thinking === "level") {
    const thinkingLevel = levelFor(effort, traits, warnings);
    return { value: off ? { thinkingLevel } : { includeThoughts: true, thinkingLevel }, warnings };
  }
  const thinkingBudget = budgetFor(effort, traits, warnings);
  return { value: off ? { thinkingBudget } : { includeThoughts: true, thinkingBudget }, warnings };
}
