import type { ReasoningEffort } from "./chat-request";

/** `reasoning_effort` values from least to most reasoning; the gateway's `off` stands where `none` does. */
export const REASONING_EFFORT_ORDER: readonly ReasoningEffort[] = [
  "none",
  "minimal",
  "low",
  "medium",
  "high",
  "xhigh",
  "max",
];

const rank = (effort: ReasoningEffort): number =>
  REASONING_EFFORT_ORDER.indexOf(effort === "off" ? "none" : effort);

/**
 * The effort of `allowed` nearest to `requested` in `REASONING_EFFORT_ORDER`, the higher one on a tie; the
 * one rule every provider uses to move an effort its model does not take. `undefined` when `allowed` is empty.
 */
export function nearestReasoningEffort<Effort extends ReasoningEffort>(
  requested: ReasoningEffort,
  allowed: readonly Effort[],
): Effort | undefined {
  const wanted = rank(requested);
  let best: Effort | undefined;
  for (const effort of allowed) {
    if (best === undefined) {
      best = effort;
      continue;
    }
    const distance = Math.abs(rank(effort) - wanted);
    const bestDistance = Math.abs(rank(best) - wanted);
    if (distance < bestDistance || (distance === bestDistance && rank(effort) > rank(best))) best = effort;
  }
  return best;
}
