import type { ServerResponse } from "node:http";
import { WebSocket } from "ws";
import { CLIENT_KEY } from "./gateway-harness";

/** A server event as JSON. */
export type RawEvent = Record<string, unknown> & { type: string; stream_id?: string };

/**
 * A bare `ws` client on the gateway's `/v1/responses`, for the protocol cases the SDK's client smooths over
 * (bad messages, refused upgrades, raw sequencing). Every event received is kept in order.
 */
export class RawSocket {
  readonly events: RawEvent[] = [];
  /** Index after the last event a `next` returned: each `next` looks from there on. */
  private cursor = 0;
  private waiters: { test: (event: RawEvent) => boolean; resolve: (event: RawEvent) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const event = JSON.parse(data.toString()) as RawEvent;
      this.events.push(event);
      const waiter = this.waiters.find((candidate) => candidate.test(event));
      if (waiter === undefined) return;
      this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
      this.cursor = this.events.length;
      waiter.resolve(event);
    });
  }

  /** Opens a socket on `path`; rejects with the refused upgrade's status and body. */
  static open(url: string, key: string | null = CLIENT_KEY, path = "/v1/responses"): Promise<RawSocket> {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}${path}`, {
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
    });
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new RawSocket(socket)));
      socket.once("unexpected-response", (_request, response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on("end", () =>
          reject(Object.assign(new Error("upgrade refused"), { status: response.statusCode, body })),
        );
      });
      socket.once("error", reject);
    });
  }

  send(event: unknown): void {
    this.socket.send(typeof event === "string" ? event : JSON.stringify(event));
  }

  /**
   * The first event after the one the previous `next` returned that `test` accepts, already received or
   * still to come: the events are read in order, as a queue.
   */
  next(test: (event: RawEvent) => boolean): Promise<RawEvent> {
    const index = this.events.findIndex((event, at) => at >= this.cursor && test(event));
    if (index !== -1) {
      this.cursor = index + 1;
      return Promise.resolve(this.events[index]!);
    }
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** The next event of `type`, optionally on `streamId`. */
  nextOfType(type: string, streamId?: string): Promise<RawEvent> {
    return this.next(
      (event) => event.type === type && (streamId === undefined || event.stream_id === streamId),
    );
  }

  /** Resolves with the close code once the server closed the socket. */
  closed(): Promise<number> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
    return new Promise((resolve) => this.socket.once("close", (code) => resolve(code)));
  }

  close(): void {
    this.socket.close();
  }
}

/** Streams OpenAI Chat chunks by hand: `write` sends the next ones, `end` finishes with usage and [DONE]. */
export function manualChatStream(response: ServerResponse, model: string) {
  const base = { id: "chatcmpl-manual", object: "chat.completion.chunk", created: 1_700_000_000, model };
  response.writeHead(200, { "content-type": "text/event-stream" });
  const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
  return {
    text(content: string) {
      response.write(frame({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] }));
    },
    toolCall(name: string, args: string) {
      const call = { index: 0, id: "call_manual_1", type: "function", function: { name, arguments: args } };
      response.write(
        frame({ ...base, choices: [{ index: 0, delta: { tool_calls: [call] }, finish_reason: null }] }),
      );
    },
    end(finishReason = "stop") {
      response.write(frame({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] }));
      response.write(
        frame({ ...base, choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } }),
      );
      response.end("data: [DONE]\n\n");
    },
  };
}
