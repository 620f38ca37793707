import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { GatewayError } from "@switchyard/core";
import { type WebSocket, WebSocketServer } from "ws";
import type { Authenticator, ClientIdentity } from "../auth";
import { errorToSend, shuttingDown } from "../http-errors";
import type { ExchangeContext } from "../request-context";
import type { ServerServices } from "../server-services";
import { createResponsesSocketSession, type StoredContextResolver } from "./responses-socket-session";
import { connectionLimitReached, socketErrorEvent } from "./socket-error-events";
import type { SocketBufferStats } from "./socket-event-sink";

/** The path WebSocket mode shares with `POST /v1/responses`. */
export const RESPONSES_SOCKET_PATH = "/v1/responses";

/** What the WebSocket endpoint needs from the HTTP server it is attached to. */
export interface ResponsesSocketOptions {
  services: ServerServices;
  /** The HTTP server's authenticator: the same keys, the same `Authorization: Bearer` header. */
  authenticator: Authenticator;
  /** Writes the log line and metrics of one `response.create`. */
  record(context: ExchangeContext, status: number): void;
  resolveStored?: StoredContextResolver;
}

/** The WebSocket endpoint of one server. */
export interface ResponsesSocketEndpoint {
  /** Open connections. */
  readonly connections: number;
  /** The unsent backlog the sockets reached (bounded by `websocket.maxBufferedBytes` plus one message). */
  readonly stats: SocketBufferStats;
  /**
   * Drains for shutdown: new `response.create` messages get `server_shutting_down`, running responses may
   * finish until `deadlineMs`, then every connection closes with 1001 (going away).
   */
  shutdown(deadlineMs: number): Promise<void>;
}

/** WebSocket close codes (RFC 6455 section 7.4.1). */
const CLOSE_NORMAL = 1000;
const CLOSE_GOING_AWAY = 1001;

/** Answers a refused upgrade with a plain HTTP response in OpenAI's error shape, then closes the socket. */
function refuseUpgrade(socket: Duplex, error: GatewayError): void {
  const body = JSON.stringify(error.toJSON());
  const reason =
    error.status === 401 ? "Unauthorized" : error.status === 503 ? "Service Unavailable" : "Error";
  socket.end(
    `HTTP/1.1 ${error.status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * Serves WebSocket mode on `/v1/responses` of `server`: the upgrade is authenticated with the HTTP keys,
 * then each connection gets its own session (lanes, cache, steering) and the limits of `config.websocket`:
 * message size (1009 past it, enforced by `ws`), idle timeout, connection lifetime, pings.
 */
export function attachResponsesSocket(
  server: Server,
  options: ResponsesSocketOptions,
): ResponsesSocketEndpoint {
  const { services, authenticator } = options;
  const limits = services.config.websocket;
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    // Compression would hold a zlib context per connection and tie up CPU; clients do without it.
    perMessageDeflate: false,
  });
  const stats: SocketBufferStats = { peakBufferedBytes: 0 };
  const open = new Set<{
    close(code: number, reason: string): void;
    drain(): Promise<void>;
    refuse(): void;
  }>();

  const accept = (socket: WebSocket, identity: ClientIdentity) => {
    const session = createResponsesSocketSession(socket, {
      services,
      identity,
      limits,
      stats,
      record: options.record,
      ...(options.resolveStored === undefined ? {} : { resolveStored: options.resolveStored }),
    });
    let idleTimer: NodeJS.Timeout | undefined;
    let alive = true;
    const close = (code: number, reason: string) => {
      session.abort(reason);
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
        socket.close(code, reason);
    };
    const armIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        // Idle means no message and nothing running: a long stream is not idle.
        if (session.busy > 0) armIdle();
        else close(CLOSE_NORMAL, "idle timeout");
      }, limits.idleTimeoutMs);
    };
    const pinger = setInterval(() => {
      if (!alive) {
        session.abort("no pong");
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, limits.pingIntervalMs);
    const lifetime = setTimeout(() => {
      const limit = connectionLimitReached(Math.round(limits.maxConnectionMs / 60_000));
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(socketErrorEvent(limit)));
      close(CLOSE_NORMAL, "connection limit reached");
    }, limits.maxConnectionMs);
    const entry = {
      close,
      drain: () => session.idle(),
      refuse: () => session.refuse(shuttingDown()),
    };
    open.add(entry);
    armIdle();
    socket.on("pong", () => {
      alive = true;
    });
    socket.on("message", (data, isBinary) => {
      armIdle();
      if (isBinary) {
        socket.send(
          JSON.stringify(
            socketErrorEvent(
              new GatewayError({
                status: 400,
                type: "invalid_request_error",
                code: "invalid_message",
                message: "Client events are JSON text messages; binary messages are not accepted.",
                retryable: false,
              }),
            ),
          ),
        );
        return;
      }
      session.receive(Array.isArray(data) ? Buffer.concat(data).toString("utf8") : data.toString("utf8"));
    });
    socket.on("error", (error) => {
      services.logger.debug({ err: error }, "websocket error");
    });
    socket.on("close", () => {
      // The client going away aborts every upstream call of the connection.
      session.abort("client disconnected");
      clearTimeout(idleTimer);
      clearTimeout(lifetime);
      clearInterval(pinger);
      open.delete(entry);
    });
  };

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? "/").split("?")[0];
    if (!limits.enabled || path !== RESPONSES_SOCKET_PATH) {
      refuseUpgrade(
        socket,
        new GatewayError({
          status: 404,
          type: "invalid_request_error",
          code: "unknown_url",
          message: `No WebSocket endpoint at ${path}; WebSocket mode is served on ${RESPONSES_SOCKET_PATH}.`,
          retryable: false,
        }),
      );
      return;
    }
    let identity: ClientIdentity;
    try {
      if (services.isShuttingDown()) throw shuttingDown();
      identity = authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      refuseUpgrade(socket, errorToSend(error));
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket, identity));
  });

  return {
    get connections() {
      return open.size;
    },
    stats,
    async shutdown(deadlineMs) {
      const entries = [...open];
      for (const entry of entries) entry.refuse();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadlineMs);
      });
      await Promise.race([Promise.all(entries.map((entry) => entry.drain())), deadline]);
      clearTimeout(timer);
      for (const entry of [...open]) entry.close(CLOSE_GOING_AWAY, "server shutting down");
      sockets.close();
    },
  };
}
