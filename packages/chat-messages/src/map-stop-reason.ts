import type { MessagesStopReason } from "./messages-output";

/** A Chat `finish_reason` as a Messages `stop_reason`. */
export function finishReasonToStopReason(finishReason: string | null | undefined): MessagesStopReason {
  switch (finishReason) {
    case "length":
      return "max_tokens";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "refusal";
    default:
      return "end_turn";
  }
}
