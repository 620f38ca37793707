import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a fake upstream received. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** The body exactly as it arrived. */
  rawBody: string;
}

/** Serves one request; `body` is the parsed JSON body. */
export type FakeHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  incoming: IncomingMessage,
) => void | Promise<void>;

/**
 * A loopback upstream: a real `node:http` server that answers with a protocol responder, unless a test
 * scripted the next answers with `script()`. It records every request and counts closed connections.
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  /** Connections the gateway's transport opened, and how many of them are closed again. */
  connectionsOpened = 0;
  connectionsClosed = 0;
  private readonly scripted: FakeHandler[] = [];
  private readonly server: Server;
  private baseUrl = "";

  constructor(
    readonly name: string,
    /** The protocol responder that serves every request no script claimed (fault wrappers take it). */
    readonly responder: FakeHandler,
  ) {
    this.server = createServer((incoming, response) => {
      this.handle(incoming, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: String(error) } }));
      });
    });
    this.server.on("connection", (socket) => {
      this.connectionsOpened++;
      socket.on("close", () => {
        this.connectionsClosed++;
      });
    });
  }

  /** The base URL, `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.baseUrl;
  }

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Queues handlers for the next requests, in order; the protocol responder serves the rest. */
  script(...handlers: FakeHandler[]): void {
    this.scripted.push(...handlers);
  }

  /** Forgets recorded requests and unused scripts. */
  reset(): void {
    this.requests.length = 0;
    this.scripted.length = 0;
  }

  /** The last request received. */
  get lastRequest(): RecordedRequest {
    const last = this.requests.at(-1);
    if (last === undefined) throw new Error(`${this.name} received no request`);
    return last;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const request: RecordedRequest = {
      method: incoming.method ?? "GET",
      url: incoming.url ?? "/",
      headers: incoming.headers,
      body: text === "" ? undefined : JSON.parse(text),
      rawBody: text,
    };
    this.requests.push(request);
    const handler = this.scripted.shift() ?? this.responder;
    await handler(request, response, incoming);
  }
}

/** Writes a JSON answer. */
export function writeJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** Writes SSE frames, each in its own write, then ends. */
export function writeSse(response: ServerResponse, frames: readonly string[]): void {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const frame of frames) response.write(frame);
  response.end();
}

/** A `data:` frame, with an `event:` line when named. */
export const sseFrame = (data: unknown, event?: string): string =>
  `${event === undefined ? "" : `event: ${event}\n`}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

/** A scripted error answer: the status and a JSON body in the protocol's error shape. */
export const failWith =
  (status: number, body: unknown): FakeHandler =>
  (_request, response) =>
    writeJson(response, status, body);

/**
 * A scripted stream that sends `frames` and then stays open; resolves `closed` when the gateway closes
 * the connection (what a client abort must cause).
 */
export function hangingStream(frames: readonly string[]): { handler: FakeHandler; closed: Promise<void> } {
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  return {
    closed,
    handler: (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      for (const frame of frames) response.write(frame);
      response.on("close", markClosed);
    },
  };
}
