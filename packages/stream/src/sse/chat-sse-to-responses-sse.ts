import type { ChatCompletionChunk, ResponseStreamEvent, SseEvent } from "@switchyard/core";
import {
  type ChatToResponsesOptions,
  type ChatToResponsesTranscoder,
  createChatToResponsesTranscoder,
} from "../chat-to-responses/chat-to-responses-transcoder";
import { encodeResponsesEvent } from "./encode";
import { SseFrameTranscoder } from "./sse-frame-transcoder";
import type { SseTranscoder } from "./sse-transcoder";
import { invalidUpstreamFrame, upstreamErrorOf } from "./upstream-error";

/**
 * Chat Completions SSE bytes in -> Responses SSE text out. `data: [DONE]` ends the response; a frame with an
 * `error` object (how OpenAI reports a failure mid-stream) becomes `error` + `response.failed`.
 */
export function createChatSseToResponsesSse(options: ChatToResponsesOptions): SseTranscoder {
  return new ChatSseToResponsesSse(options);
}

class ChatSseToResponsesSse extends SseFrameTranscoder<ChatToResponsesTranscoder> {
  constructor(options: ChatToResponsesOptions) {
    super(createChatToResponsesTranscoder(options));
  }

  protected finish(): string {
    return encodeEvents(this.transcoder.end());
  }

  protected frame(frame: SseEvent): string {
    const data = frame.data;
    if (data === "[DONE]") return encodeEvents(this.transcoder.end());
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      value = undefined;
    }
    const error = upstreamErrorOf(value, frame.event);
    if (error !== undefined) return encodeEvents(this.transcoder.fail(error));
    if (value === undefined) return encodeEvents(this.transcoder.fail(invalidUpstreamFrame(data)));
    if (Array.isArray((value as ChatCompletionChunk).choices)) {
      return encodeEvents(this.transcoder.push(value as ChatCompletionChunk));
    }
    this.transcoder.warnings.push({
      type: "unknown_event",
      code: "chunk",
      message: "An upstream frame without 'choices' was skipped.",
    });
    return "";
  }
}

function encodeEvents(events: ResponseStreamEvent[]): string {
  let out = "";
  for (let position = 0; position < events.length; position++) out += encodeResponsesEvent(events[position]!);
  return out;
}
