import {
  type GatewayError,
  type ResponseStreamEvent,
  SSE_DONE_FRAME,
  type SseEvent,
  toGatewayError,
} from "@switchyard/core";
import {
  createResponsesToChatTranscoder,
  type ResponsesToChatOptions,
  type ResponsesToChatTranscoder,
} from "../responses-to-chat/responses-to-chat-transcoder";
import { encodeChatChunk } from "./encode";
import { SseFrameTranscoder } from "./sse-frame-transcoder";
import type { SseTranscoder } from "./sse-transcoder";
import { invalidUpstreamFrame } from "./upstream-error";

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

class ResponsesSseToChatSse extends SseFrameTranscoder<ResponsesToChatTranscoder> {
  private closed = false;

  constructor(options: ResponsesToChatOptions) {
    super(createResponsesToChatTranscoder(options));
  }

  protected finish(): string {
    if (this.closed) return "";
    this.closed = true;
    let out = "";
    try {
      const chunks = this.transcoder.end();
      for (let position = 0; position < chunks.length; position++) out += encodeChatChunk(chunks[position]!);
    } catch (error) {
      return out + encodeChatErrorFrame(toGatewayError(error));
    }
    return out + SSE_DONE_FRAME;
  }

  protected frame(frame: SseEvent): string {
    if (this.closed || frame.data === "[DONE]") return "";
    let event: ResponseStreamEvent;
    try {
      event = JSON.parse(frame.data) as ResponseStreamEvent;
    } catch {
      return this.close(invalidUpstreamFrame(frame.data));
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
