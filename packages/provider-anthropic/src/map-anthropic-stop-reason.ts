import type { Warning } from "@switchyard/core";

/** A Chat finish reason, and a warning when the mapping loses something the client should know. */
export interface MappedStopReason {
  finishReason: string;
  warning?: Warning;
}

/**
 * Maps an Anthropic `stop_reason` to a Chat `finish_reason`
 * (https://platform.claude.com/docs/en/api/handling-stop-reasons):
 * `end_turn`/`stop_sequence` to `stop`, `max_tokens` and `model_context_window_exceeded` to `length`,
 * `tool_use` to `tool_calls`, `refusal` to `content_filter`. `pause_turn` (a long server-tool turn paused
 * by the API) becomes `stop` with a warning: the client continues by sending the conversation back.
 * `hasToolCalls` is false when the only tool_use stood in for `response_format`, which ends the turn.
 */
export function mapAnthropicStopReason(
  stopReason: string | null | undefined,
  hasToolCalls: boolean,
): MappedStopReason {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return { finishReason: "stop" };
    case "max_tokens":
    case "model_context_window_exceeded":
      return { finishReason: "length" };
    case "tool_use":
      return { finishReason: hasToolCalls ? "tool_calls" : "stop" };
    case "refusal":
      return { finishReason: "content_filter" };
    case "pause_turn":
      return {
        finishReason: "stop",
        warning: {
          type: "paused_turn",
          code: "pause_turn",
          message:
            "Anthropic paused this turn (stop_reason 'pause_turn'); send the conversation back to let it continue.",
        },
      };
    case null:
    case undefined:
      return { finishReason: hasToolCalls ? "tool_calls" : "stop" };
    default:
      return {
        finishReason: "stop",
        warning: {
          type: "unknown_stop_reason",
          code: stopReason,
          message: `Anthropic stop_reason '${stopReason}' is unknown to the gateway; it was reported as 'stop'.`,
        },
      };
  }
}
