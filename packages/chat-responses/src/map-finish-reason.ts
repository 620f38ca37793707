import type { ChatFinishReason, ResponseStatus } from "@switchyard/core";

/** A Response's `status` with its `incomplete_details`. */
export interface StatusWithDetails {
  status: ResponseStatus;
  incompleteDetails: { reason: string } | null;
}

// Chat's vocabulary only: providers map their own reasons (Anthropic's `end_turn`, vLLM's `eos`) to it.
const LENGTH_REASONS = new Set(["length"]);
const COMPLETED_REASONS = new Set(["stop", "tool_calls", "function_call"]);

/**
 * Chat `finish_reason` -> Responses `status` and `incomplete_details`. `length` becomes
 * `incomplete` / `max_output_tokens` and `content_filter` becomes `incomplete` / `content_filter`, the two
 * reasons OpenAI documents. A null finish reason counts as completed; any other reason an upstream invents
 * (DeepSeek's `insufficient_system_resource`) becomes `incomplete` with that reason, so it is not lost.
 */
export function finishReasonToStatus(finishReason: string | null): StatusWithDetails {
  if (finishReason === null || COMPLETED_REASONS.has(finishReason)) {
    return { status: "completed", incompleteDetails: null };
  }
  if (LENGTH_REASONS.has(finishReason)) {
    return { status: "incomplete", incompleteDetails: { reason: "max_output_tokens" } };
  }
  return { status: "incomplete", incompleteDetails: { reason: finishReason } };
}

/**
 * Responses `status` -> Chat `finish_reason`: `tool_calls` when the output holds function calls, `stop`
 * otherwise; `length` for `max_output_tokens` (or no reason), and any other incomplete reason as sent
 * (`content_filter`, or an upstream's own). A response still running, failed or cancelled has none (null).
 */
export function statusToFinishReason(
  status: ResponseStatus,
  incompleteDetails?: { reason?: string } | null,
  hasToolCalls = false,
): ChatFinishReason | (string & {}) | null {
  if (status === "completed") return hasToolCalls ? "tool_calls" : "stop";
  if (status !== "incomplete") return null;
  const reason = incompleteDetails?.reason;
  if (reason === undefined || reason === "max_output_tokens") return "length";
  return reason;
}
