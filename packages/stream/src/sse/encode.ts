import type { ChatCompletionChunk, ResponseStreamEvent } from "@switchyard/core";
import { encodeJsonSseFrame } from "@switchyard/core";

/** Encodes a Responses event as one SSE frame: `event: <type>\ndata: <json>\n\n`. */
export function encodeResponsesEvent(event: ResponseStreamEvent): string {
  return encodeJsonSseFrame(event, event.type);
}

/** Encodes a Chat chunk as one SSE frame: `data: <json>\n\n`. */
export function encodeChatChunk(chunk: ChatCompletionChunk): string {
  return encodeJsonSseFrame(chunk);
}
