import type { ResponseObject, ResponseStreamEvent } from "@switchyard/core";
import type { WebSocket } from "ws";
import type { ResponsesEventSink } from "../responses-stream-relay";

/** What a socket sink reports about the response it carries, as its events go out. */
export interface SocketSinkObserver {
  /** The `response.created` event's Response: its id is known from here on. */
  created(response: ResponseObject): void;
  /** A terminal event (`response.completed`, `.incomplete`, `.failed`) and its Response. */
  terminal(type: string, response: ResponseObject): void;
  /** An `error` event of the stream. */
  error(): void;
}

/** The unsent backlog the sockets of one server reached: what backpressure keeps bounded. */
export interface SocketBufferStats {
  /** The most bytes any socket held unsent right after a write. */
  peakBufferedBytes: number;
}

/** Options of `createSocketEventSink`. */
export interface SocketEventSinkOptions {
  /** The `stream_id` of the `response.create` the events answer; every event echoes it when set. */
  streamId: string | undefined;
  /** Bytes the socket may hold unsent; above it each write waits until its message is flushed. */
  maxBufferedBytes: number;
  observer: SocketSinkObserver;
  stats: SocketBufferStats;
}

const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);

/**
 * Adds `"stream_id"` as the last member of a JSON object's text, so an upstream event relayed as text keeps
 * every byte it had (the reference: "events for the response echo the same `stream_id`").
 */
export function withStreamId(json: string, streamId: string | undefined): string {
  if (streamId === undefined) return json;
  const body = json.trimEnd();
  if (!body.endsWith("}")) return json;
  const empty = /^\{\s*\}$/.test(body);
  return `${body.slice(0, -1)}${empty ? "" : ","}"stream_id":${JSON.stringify(streamId)}}`;
}

/**
 * A Responses event sink over a WebSocket: one text message per event, the same JSON the SSE stream carries
 * (plus `stream_id`). Backpressure: while the socket holds more than `maxBufferedBytes` unsent, a write
 * waits until it drained below that before it sends, so the relay stops reading from the upstream and the
 * backlog stays under the bound plus one message. A closed socket drops writes; the relay learns of the
 * close through its abort signal.
 */
export function createSocketEventSink(
  socket: WebSocket,
  options: SocketEventSinkOptions,
): ResponsesEventSink {
  const { streamId, maxBufferedBytes, observer, stats } = options;
  // The write waiting for the socket to drain below the bound, woken by the flush callbacks of earlier
  // messages (ws calls them once a message reached the kernel, or with an error once the socket closed).
  let waiter: (() => void) | undefined;
  const flushed = (error?: Error) => {
    if (waiter !== undefined && (error !== undefined || socket.bufferedAmount <= maxBufferedBytes)) {
      const wake = waiter;
      waiter = undefined;
      wake();
    }
  };
  const send = async (text: string): Promise<void> => {
    if (socket.bufferedAmount > maxBufferedBytes && socket.readyState === socket.OPEN) {
      const wakeOnClose = () => flushed(new Error("closed"));
      socket.once("close", wakeOnClose);
      await new Promise<void>((resolve) => {
        waiter = resolve;
      });
      socket.off("close", wakeOnClose);
    }
    if (socket.readyState !== socket.OPEN) return;
    socket.send(text, flushed);
    const buffered = socket.bufferedAmount;
    if (buffered > stats.peakBufferedBytes) stats.peakBufferedBytes = buffered;
  };
  const observe = (type: string, value: { response?: ResponseObject }) => {
    if (type === "response.created" && value.response !== undefined) observer.created(value.response);
    else if (TERMINAL_EVENTS.has(type) && value.response !== undefined)
      observer.terminal(type, value.response);
    else if (type === "error") observer.error();
  };
  return {
    relay(data, event) {
      // Only the first event is parsed (for the response id); the rest go out as the upstream sent them.
      if (event === "response.created" || event === "error") observe(event, JSON.parse(data));
      return send(withStreamId(data, streamId));
    },
    writeJson(value, event) {
      observe(event, value as { response?: ResponseObject });
      return send(withStreamId(JSON.stringify(value), streamId));
    },
    async writeEvents(events: readonly ResponseStreamEvent[]) {
      for (const event of events) {
        observe(event.type, event as { response?: ResponseObject });
        await send(withStreamId(JSON.stringify(event), streamId));
      }
    },
  };
}
