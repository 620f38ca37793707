import {
  createSseParser,
  GatewayError,
  type ResponseStreamEvent,
  SSE_DONE_FRAME,
  type SseEvent,
  type SseParser,
  toGatewayError,
  type Warning,
} from "@switchyard/core";
import {
  createResponsesToChatTranscoder,
  type ResponsesToChatOptions,
  type ResponsesToChatTranscoder,
} from "../responses-to-chat/responses-to-chat-transcoder";
import { encodeChatChunk } from "./encode";
import type { SseTranscoder } from "./sse-transcoder";

/**
 * Responses SSE bytes in -> Chat Completions SSE text out, ending with `data: [DONE]`. An upstream failure
 * becomes one `data: {"error":{...}}` frame (what OpenAI sends, and what the SDK raises as an APIError).
 */
export function createResponsesSseToChatSse(options: ResponsesToChatOptions): SseTranscoder {
  return new ResponsesSseToChatSse(options);
}

/** Encodes a `GatewayError` as the error frame of a Chat stream. */
export function encodeChatErrorFrame(error: GatewayError): string {
  return `data: ${JSON.stringify(error.toJSON())}\n\n`;
}

class ResponsesSseToChatSse implements SseTranscoder {
  private readonly parser: SseParser = createSseParser();
  private readonly transcoder: ResponsesToChatTranscoder;
  private closed = false;

  constructor(options: ResponsesToChatOptions) {
    this.transcoder = createResponsesToChatTranscoder(options);
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
    if (this.closed) return out;
    this.closed = true;
    try {
      const chunks = this.transcoder.end();
      for (let position = 0; position < chunks.length; position++) out += encodeChatChunk(chunks[position]!);
    } catch (error) {
      return out + encodeChatErrorFrame(toGatewayError(error));
    }
    return out + SSE_DONE_FRAME;
  }

  private frame(frame: SseEvent): string {
    if (this.closed || frame.data === "[DONE]") return "";
    let event: ResponseStreamEvent;
    try {
      event = JSON.parse(frame.data) as ResponseStreamEvent;
    } catch {
      return this.close(
        new GatewayError({
          status: 502,
          type: "upstream_error",
          code: "invalid_upstream_frame",
          message: `The upstream sent a frame that is not JSON: ${frame.data.slice(0, 80)}`,
          retryable: false,
        }),
      );
    }
    if (typeof event !== "object" || event === null || typeof event.type !== "string") {
      this.transcoder.warnings.push({
        type: "unknown_event",
        code: "event",
        message: "An upstream frame without a 'type' was skipped.",
      });
      return "";
    }
    let out = "";
    try {
      const chunks = this.transcoder.push(event);
      for (let position = 0; position < chunks.length; position++) out += encodeChatChunk(chunks[position]!);
    } catch (error) {
      return out + this.close(toGatewayError(error));
    }
    return out;
  }

  private close(error: GatewayError): string {
    this.closed = true;
    return encodeChatErrorFrame(error);
  }
}
