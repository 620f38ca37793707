import type { ChatFinishReason, Warning } from "@switchyard/core";

/** Gemini finish reasons meaning the output was withheld or cut by a filter. */
const filtered = new Set([
  "SAFETY",
  "RECITATION",
  "LANGUAGE",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
  "MODEL_ARMOR",
]);

/** A Chat finish reason and, when Chat has no equivalent, the warning saying so. */
export interface MappedFinishReason {
  finishReason: ChatFinishReason;
  warning?: Warning;
}

/**
 * Maps a Gemini `finishReason` (https://ai.google.dev/api/generate-content#FinishReason) to Chat.
 * Gemini answers STOP when it made function calls, so `hasToolCalls` turns STOP into `tool_calls`.
 * The filters (SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII, ...) become `content_filter`,
 * MAX_TOKENS `length`; reasons Chat cannot express (MALFORMED_FUNCTION_CALL, OTHER, ...) become `stop`
 * with a warning naming the original.
 */
export function mapGeminiFinishReason(reason: string, hasToolCalls: boolean): MappedFinishReason {
  if (reason === "STOP") return { finishReason: hasToolCalls ? "tool_calls" : "stop" };
  if (reason === "MAX_TOKENS") return { finishReason: "length" };
  if (filtered.has(reason)) return { finishReason: "content_filter" };
  return {
    finishReason: hasToolCalls ? "tool_calls" : "stop",
    warning: {
      type: "adjusted_parameter",
      code: "finish_reason",
      message: `Gemini finished with '${reason}', which Chat Completions cannot express; it was reported as '${hasToolCalls ? "tool_calls" : "stop"}'.`,
    },
  };
}
