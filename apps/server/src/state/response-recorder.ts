import { outputTextOf } from "@switchyard/chat-responses";
import type { GatewayError, ResponseObject, ResponseOutputItem, ResponseStreamEvent } from "@switchyard/core";
import type { ResponsesEventSink } from "../responses-stream-relay";

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

/** The ending of a relayed stream that failed, from its error. */
export const failedEnding = (error: GatewayError | undefined): StreamEnding => ({
  kind: "failed",
  code: error?.code ?? "stream_failed",
  message: error?.message ?? "The stream ended before its final event.",
});

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
/** The relayed (native) events worth parsing, told by their SSE name or their data's leading `type`. */
const NOTED_TYPE = /^\{"type":"(response\.[a-z_.]+)"/;

/** Records a streamed answer's Response as it passes through a sink, then says how the stream ended. */
export interface ResponseRecorder {
  /** Wraps the transport's sink (see `responseRecorder`). */
  wrap(inner: ResponsesEventSink): ResponsesEventSink;
  /** The final Response as sent, once the terminal event went out. */
  readonly final: ResponseObject | undefined;
  /**
   * Stores what a stream that ended without a terminal event leaves (see `endedEarly`): the Response of
   * `response.created` (else `fallback`) with the output items completed so far. Nothing when the terminal
   * event went out, or when nothing was sent and there is no fallback.
   */
  settle(ending: StreamEnding): Promise<void>;
}

/**
 * A recorder for one streamed answer: every Response object in its events gets the gateway's id and state
 * fields (`finisher.echo`), and the terminal one is stored (`finisher.finish`) before it goes out, so a
 * client that continues from it at once finds it. Other events pass through untouched; relayed upstream
 * events are parsed only when their type is one of the above.
 */
export function responseRecorder(finisher: ResponseFinisher, fallback?: ResponseObject): ResponseRecorder {
  let started: ResponseObject | undefined;
  let final: ResponseObject | undefined;
  const done: ResponseOutputItem[] = [];

  /** The event as the client sees it; stores the terminal Response first. */
  const rewrite = async <Event extends { type?: unknown; response?: unknown; item?: unknown }>(
    event: Event,
    type: string,
  ): Promise<Event> => {
    if (type === OUTPUT_ITEM_DONE) {
      if (event.item !== undefined) done.push(event.item as ResponseOutputItem);
      return event;
    }
    if (!RESPONSE_EVENTS.has(type) || event.response === undefined) return event;
    let response = finisher.echo(event.response as ResponseObject);
    if (TERMINAL_EVENTS.has(type)) {
      response = await finisher.finish(response);
      final = response;
    } else started ??= response;
    return { ...event, response };
  };

  return {
    get final() {
      return final;
    },
    wrap: (inner) => ({
      async relay(data, event) {
        const type = event ?? NOTED_TYPE.exec(data)?.[1];
        if (type === undefined || (type !== OUTPUT_ITEM_DONE && !RESPONSE_EVENTS.has(type)))
          return inner.relay(data, event);
        const parsed = JSON.parse(data) as { type?: unknown; response?: unknown; item?: unknown };
        if (type === OUTPUT_ITEM_DONE) {
          await rewrite(parsed, type);
          return inner.relay(data, event);
        }
        return inner.writeJson(await rewrite(parsed, type), type);
      },
      async writeJson(value, event) {
        return inner.writeJson(await rewrite(value as { type?: unknown }, event), event);
      },
      async writeEvents(events) {
        const out: ResponseStreamEvent[] = [];
        for (const event of events) out.push(await rewrite(event, event.type));
        return inner.writeEvents(out);
      },
    }),
    async settle(ending) {
      const base = started ?? fallback;
      if (final !== undefined || base === undefined) return;
      final = await finisher.finish(endedEarly(base, done, ending));
    },
  };
}
