import { outputTextOf } from "@switchyard/chat-responses";
import {
  encodeJsonSseFrame,
  type GatewayError,
  type ResponseObject,
  type ResponseOutputItem,
} from "@switchyard/core";
import type { SseWriter } from "../sse-writer";

/** Turns the answer's Response objects into what the client sees and stores the last one. */
export interface ResponseFinisher {
  /** The Response object as the client sees it: the gateway's id and the request's state fields. */
  echo(response: ResponseObject): ResponseObject;
  /**
   * Stores the final Response (one transaction, when the request stores) and returns what the client gets:
   * the same object, or, when the store failed, the object with `store: false` and a warning saying so.
   */
  finish(response: ResponseObject): Promise<ResponseObject>;
}

/** Events whose `response` is a whole Response object. */
const RESPONSE_EVENTS = new Set([
  "response.created",
  "response.queued",
  "response.in_progress",
  "response.completed",
  "response.incomplete",
  "response.failed",
]);
const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);
const OUTPUT_ITEM_DONE = "response.output_item.done";
/** A cheap test whether a write holds any frame worth parsing (by its `event:` line or its data's `type`). */
const INTERESTING =
  /^(event: |data: \{"type":")response\.(created|queued|in_progress|completed|incomplete|failed|output_item\.done)\b/m;

interface Frame {
  event: string | undefined;
  data: string;
}

function parseFrame(text: string): Frame {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
  }
  const joined = data.join("\n");
  // A frame without an `event:` line is named by its data's `type`, as Responses events always carry one.
  if (event === undefined) event = /^\{"type":"([^"]+)"/.exec(joined)?.[1];
  return { event, data: joined };
}

/** How a stream that never sent its terminal event ended. */
export type StreamEnding =
  /** The client left a foreground stream: `incomplete`, reason `client_disconnected`. */
  | { kind: "client_disconnected" }
  /** A background response was cancelled: `cancelled`. */
  | { kind: "cancelled" }
  /** The upstream failed mid-stream, or the gateway stopped: `failed` with the error. */
  | { kind: "failed"; code: string; message: string };

/** The Response a stream that ended early leaves: what was sent so far, with an honest status. */
export function endedEarly(
  base: ResponseObject,
  output: ResponseOutputItem[],
  ending: StreamEnding,
): ResponseObject {
  const response: ResponseObject = { ...base, output, output_text: outputTextOf(output) };
  if (ending.kind === "client_disconnected")
    return { ...response, status: "incomplete", incomplete_details: { reason: "client_disconnected" } };
  if (ending.kind === "cancelled") return { ...response, status: "cancelled" };
  return { ...response, status: "failed", error: { code: ending.code, message: ending.message } };
}

/** A writer that records the answer's Response as it passes, then says how the stream ended. */
export interface RecordingWriter extends SseWriter {
  /** The final Response as sent, once the terminal event went out. */
  readonly final: ResponseObject | undefined;
  /**
   * Stores what a stream that ended without a terminal event leaves (see `endedEarly`): the Response of
   * `response.created` (else `fallback`) with the output items completed so far. Nothing when the
   * terminal event went out, or when nothing at all was sent and there is no fallback.
   */
  settle(ending: StreamEnding): Promise<void>;
}

/**
 * Wraps an SSE writer: every Response object in a stream event gets the gateway's id and state fields
 * (`finisher.echo`), and the terminal one is stored (`finisher.finish`) before it is written, so a client
 * that continues from it right away finds it. Other frames pass through untouched.
 */
export function recordingWriter(
  inner: SseWriter,
  finisher: ResponseFinisher,
  fallback?: ResponseObject,
): RecordingWriter {
  let started: ResponseObject | undefined;
  let final: ResponseObject | undefined;
  const done: ResponseOutputItem[] = [];

  const rewrite = async (frameText: string): Promise<string> => {
    const frame = parseFrame(frameText);
    if (frame.event === OUTPUT_ITEM_DONE) {
      const parsed = JSON.parse(frame.data) as { item?: ResponseOutputItem };
      if (parsed.item !== undefined) done.push(parsed.item);
      return frameText;
    }
    if (frame.event === undefined || !RESPONSE_EVENTS.has(frame.event)) return frameText;
    const parsed = JSON.parse(frame.data) as { response?: ResponseObject };
    if (parsed.response === undefined) return frameText;
    let response = finisher.echo(parsed.response);
    if (TERMINAL_EVENTS.has(frame.event)) {
      response = await finisher.finish(response);
      final = response;
    } else started ??= response;
    return encodeJsonSseFrame({ ...parsed, response }, frame.event);
  };

  return {
    get closed() {
      return inner.closed;
    },
    get final() {
      return final;
    },
    open: (headers) => inner.open(headers),
    end: () => inner.end(),
    async write(chunk) {
      const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      if (!INTERESTING.test(text)) return inner.write(chunk);
      const frames = text.split("\n\n");
      // A write holds whole frames, so the last piece is the empty string after the final separator.
      const rest = frames.pop();
      let out = "";
      for (const frame of frames) out += `${await rewrite(frame)}\n\n`;
      return inner.write(out + (rest ?? ""));
    },
    async settle(ending) {
      const base = started ?? fallback;
      if (final !== undefined || base === undefined) return;
      final = await finisher.finish(endedEarly(base, done, ending));
    },
  };
}

/** The ending of a relayed stream that failed, from its error. */
export const failedEnding = (error: GatewayError | undefined): StreamEnding => ({
  kind: "failed",
  code: error?.code ?? "stream_failed",
  message: error?.message ?? "The stream ended before its final event.",
});
