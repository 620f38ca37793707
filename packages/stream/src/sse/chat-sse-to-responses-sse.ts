import {
  type ChatCompletionChunk,
  createSseParser,
  GatewayError,
  type SseEvent,
  type SseParser,
  type Warning,
} from "@switchyard/core";
import {
  type ChatToResponsesOptions,
  type ChatToResponsesTranscoder,
  createChatToResponsesTranscoder,
} from "../chat-to-responses/chat-to-responses-transcoder";
import { encodeResponsesEvent } from "./encode";
import type { SseTranscoder } from "./sse-transcoder";
import { upstreamErrorOf } from "./upstream-error";

/**
 * Chat Completions SSE bytes in -> Responses SSE text out. `data: [DONE]` ends the response; a frame with an
 * `error` object (how OpenAI reports a failure mid-stream) becomes `error` + `response.failed`.
 */
export function createChatSseToResponsesSse(options: ChatToResponsesOptions): SseTranscoder {
  return new ChatSseToResponsesSse(options);
}

class ChatSseToResponsesSse implements SseTranscoder {
  private readonly parser: SseParser = createSseParser();
  private readonly transcoder: ChatToResponsesTranscoder;

  constructor(options: ChatToResponsesOptions) {
    this.transcoder = createChatToResponsesTranscoder(options);
  }

  get warnings(): Warning[] {
    return this.transcoder.warnings;
  }

  push(bytes: Uint8Array | string): string {
    const frames = this.parser.push(bytes);
    let out = "";
    for (let position = 0; position < frames.length; position++) out += this.frame(frames[position]!);
    return out;
  }

  end(): string {
    let out = "";
    const frames = this.parser.end();
    for (let position = 0; position < frames.length; position++) out += this.frame(frames[position]!);
    const events = this.transcoder.end();
    for (let position = 0; position < events.length; position++)
      out += encodeResponsesEvent(events[position]!);
    return out;
  }

  private frame(frame: SseEvent): string {
    const data = frame.data;
    let events: ReturnType<ChatToResponsesTranscoder["push"]>;
    if (data === "[DONE]") {
      events = this.transcoder.end();
    } else {
      let value: unknown;
      try {
        value = JSON.parse(data);
      } catch {
        value = undefined;
      }
      const error = upstreamErrorOf(value, frame.event);
      if (error !== undefined) events = this.transcoder.fail(error);
      else if (value === undefined) events = this.transcoder.fail(malformed(data));
      else if (Array.isArray((value as ChatCompletionChunk).choices)) {
        events = this.transcoder.push(value as ChatCompletionChunk);
      } else {
        this.transcoder.warnings.push({
          type: "unknown_event",
          code: "chunk",
          message: "An upstream frame without 'choices' was skipped.",
        });
        return "";
      }
    }
    let out = "";
    for (let position = 0; position < events.length; position++)
      out += encodeResponsesEvent(events[position]!);
    return out;
  }
}

const malformed = (data: string): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_frame",
    message: `The upstream sent a frame that is not JSON: ${data.slice(0, 80)}`,
    retryable: false,
  });
