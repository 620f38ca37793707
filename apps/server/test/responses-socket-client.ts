import type OpenAI from "openai";
import type { ResponsesClientEvent, ResponsesServerEvent } from "openai/resources/responses/responses";
import { ResponsesWS } from "openai/resources/responses/ws";

/** The terminal events of one response. */
const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed"]);

/** A server event as it arrived, with the WebSocket-only `stream_id`. */
export type SocketEvent = ResponsesServerEvent & { stream_id?: string };

/** What one `response.create` produced: its events in order, ending with a terminal or an `error` event. */
export interface SocketTurn {
  events: SocketEvent[];
  /** The last event: `response.completed`, `.incomplete`, `.failed` or `error`. */
  last: SocketEvent;
  /** The Response of the terminal event, if it had one. */
  response?: Extract<SocketEvent, { type: "response.completed" }>["response"];
}

/**
 * The official SDK's WebSocket client (`ResponsesWS`, openai-node 6.23 and later) on the gateway, with a
 * helper that sends one `response.create` and collects its events. Every event the socket received is kept
 * in `received`, in order, whichever stream it belongs to.
 */
export class SocketClient {
  readonly ws: ResponsesWS;
  readonly received: SocketEvent[] = [];
  private readonly listeners = new Set<(event: SocketEvent) => void>();

  constructor(client: OpenAI) {
    this.ws = new ResponsesWS(client);
    this.ws.on("event", (event) => {
      this.received.push(event as SocketEvent);
      for (const listener of this.listeners) listener(event as SocketEvent);
    });
    // `error` events also reach the `event` listener; the SDK raises them here, where they are expected.
    this.ws.on("error", () => {});
  }

  /** Resolves once the upgrade succeeded. */
  async opened(): Promise<void> {
    const socket = this.ws.socket;
    if (socket.readyState === 1) return;
    await new Promise<void>((resolve, reject) => {
      socket.on("open", () => resolve());
      socket.on("error", (error: Error) => reject(error));
      socket.on("close", () => reject(new Error("closed before opening")));
    });
  }

  /** Waits for the next events matching `until` (inclusive) on the events of `streamId`. */
  collect(streamId: string | undefined, until: (event: SocketEvent) => boolean): Promise<SocketEvent[]> {
    return new Promise((resolve) => {
      const events: SocketEvent[] = [];
      const listener = (event: SocketEvent) => {
        if (event.stream_id !== streamId) return;
        events.push(event);
        if (until(event)) {
          this.listeners.delete(listener);
          resolve(events);
        }
      };
      this.listeners.add(listener);
    });
  }

  /** Sends `response.create` and resolves with the events of that response. */
  async turn(event: Omit<ResponsesClientEvent.ResponseCreate, "type">): Promise<SocketTurn> {
    const streamId = event.stream_id;
    const collected = this.collect(streamId, (next) => TERMINAL.has(next.type) || next.type === "error");
    this.ws.send({ type: "response.create", ...event });
    const events = await collected;
    const last = events.at(-1)!;
    const turn: SocketTurn = { events, last };
    if ("response" in last && TERMINAL.has(last.type))
      turn.response = last.response as SocketTurn["response"];
    return turn;
  }

  close(): void {
    this.ws.close({ code: 1000, reason: "done" });
  }
}

/** The text of a finished response's assistant messages, read from its output items. */
export function textOf(turn: SocketTurn): string {
  let text = "";
  for (const item of turn.response?.output ?? []) {
    if (item.type !== "message") continue;
    for (const part of item.content) if (part.type === "output_text") text += part.text;
  }
  return text;
}
