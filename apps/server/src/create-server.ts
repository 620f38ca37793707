import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Clock,
  createRandomIdGenerator,
  type GatewayError,
  type IdGenerator,
  systemClock,
} from "@switchyard/core";
import type { ProviderRegistration, Router } from "@switchyard/router";
import type { Storage } from "@switchyard/store";
import { type Logger, pino } from "pino";
import { createAuthenticator } from "./auth";
import type { ServerConfig } from "./config/config";
import { errorToSend, methodNotAllowed, routeNotFound, sendError, shuttingDown } from "./http-errors";
import { createServerMetrics, type ServerMetrics } from "./metrics";
import { BODY_TIMEOUT_CODE } from "./read-json-body";
import type { ExchangeContext, RequestContext } from "./request-context";
import { logRequest, requestLogLevel, requestLogLine } from "./request-log";
import {
  attachResponsesSocket,
  type ResponsesSocketEndpoint,
} from "./responses-socket/responses-socket-server";
import { createRouteTable, type Route } from "./route-table";
import { defaultRoutes } from "./routes/default-routes";
import type { ServerServices } from "./server-services";
import { createShutdownController } from "./shutdown";
import { createGatewayState } from "./state/gateway-state";
import { storedContextResolver } from "./state/socket-stored-context";
import { serverEndedRequest } from "./stream-guard";

/** Options of `createServer`. Everything with side effects is injectable so tests run on port 0. */
export interface CreateServerOptions {
  config: ServerConfig;
  /** The router; tests inject one over fake providers. */
  router: Router;
  /** The providers behind the router, for `/v1/registry/providers`. */
  providers: readonly ProviderRegistration[];
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** Extra route modules, matched after the built-in ones (e.g. `/v1/messages`). */
  routes?: (services: ServerServices) => Route[];
  /** An opened storage for stored responses instead of the one the config names (tests). */
  storage?: Storage;
  /** How long a background response's lease lasts, in ms (tests shorten it). */
  leaseMs?: number;
  /** Called once the HTTP server has closed (the default server closes its transport here). */
  onClose?: () => Promise<void>;
}

/** A created server: not listening until `listen` is called. */
export interface SwitchyardServer {
  readonly httpServer: Server;
  readonly services: ServerServices;
  /** The Responses WebSocket endpoint on the same server. */
  readonly sockets: ResponsesSocketEndpoint;
  /** Starts listening; port 0 picks a free port. Resolves with the bound address and base URL. */
  listen(port?: number, host?: string): Promise<{ host: string; port: number; url: string }>;
  /** Graceful shutdown: in-flight requests finish up to the deadline (default from the config). */
  close(deadlineMs?: number): Promise<void>;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Creates the gateway's `node:http` server around a router. */
export function createServer(options: CreateServerOptions): SwitchyardServer {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? createRandomIdGenerator();
  const logger = options.logger ?? pino({ level: config.logging.level });
  const metrics: ServerMetrics = createServerMetrics();
  const authenticator = createAuthenticator(config.clientKeys);
  const httpServer = createHttpServer({ keepAliveTimeout: 65_000 });
  const shutdown = createShutdownController(httpServer);
  const state = createGatewayState({
    config: config.store,
    clock,
    logger,
    runner: ids("runner"),
    ...(options.storage === undefined ? {} : { storage: options.storage }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  });
  let started: Promise<void> | undefined;
  const services: ServerServices = {
    config,
    router: options.router,
    providers: options.providers,
    ids,
    clock,
    metrics,
    logger,
    startedAt: clock(),
    state,
    isShuttingDown: () => shutdown.draining,
    shutdownDeadline: shutdown.deadline,
  };
  let closing: Promise<void> | undefined;
  const routes = [...defaultRoutes(services), ...(options.routes?.(services) ?? [])];
  const lookup = createRouteTable(routes);

  const finish = (context: ExchangeContext, status: number) => {
    const durationMs = clock() - context.startedAt;
    const outcome = context.outcome;
    // The line is only built when the logger would write it.
    if (logger.isLevelEnabled(requestLogLevel(status)))
      logRequest(
        logger,
        requestLogLine(context, status, durationMs, { logContent: config.logging.logContent }),
      );
    metrics.observe({
      route: context.route,
      status,
      provider: outcome.provider ?? "",
      model: outcome.model ?? "",
      durationMs,
      ...(outcome.error?.code ? { errorCode: outcome.error.code } : {}),
      ...(outcome.ttftMs === undefined ? {} : { ttftMs: outcome.ttftMs }),
      ...(outcome.usage ? { usage: outcome.usage } : {}),
      ...(outcome.costUsd === undefined ? {} : { costUsd: outcome.costUsd }),
    });
  };

  const resolveStored = storedContextResolver(services);
  const sockets = attachResponsesSocket(httpServer, {
    services,
    authenticator,
    record: finish,
    ...(resolveStored === undefined ? {} : { resolveStored }),
  });

  const fail = (context: RequestContext, error: GatewayError, route: Route | undefined) => {
    // A client that went away gets no answer; its log line says so (status 499).
    if (context.signal.aborted) return;
    context.outcome.error = error;
    if (error.status >= 500 && error.cause !== undefined)
      logger.error({ request_id: context.id, err: error.cause }, "request failed");
    // A client too slow to send its body is not kept on: the connection closes after the 408.
    if (error.code === BODY_TIMEOUT_CODE && !context.response.headersSent)
      context.response.setHeader("connection", "close");
    sendError(context.response, error, route?.renderError?.bind(route));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // At the shutdown deadline a request still waiting for its answer gets a 503 (a started stream gets
    // its protocol's error event from the stream guard instead), and its upstream call is aborted.
    const release = shutdown.track(() => {
      if (response.headersSent) return;
      const error = serverEndedRequest();
      context.outcome.error = error;
      sendError(response, error, route?.renderError?.bind(route));
      controller.abort(error);
    });
    const incomingId = request.headers["x-request-id"];
    const id =
      typeof incomingId === "string" && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : ids("req");
    const controller = new AbortController();
    const path = (request.url ?? "/").split("?")[0]!;
    const context: RequestContext = {
      id,
      request,
      response,
      method: request.method ?? "GET",
      path,
      params: {},
      startedAt: clock(),
      signal: controller.signal,
      route: "unmatched",
      outcome: {},
    };
    response.setHeader("x-request-id", id);
    if (shutdown.draining) response.setHeader("connection", "close");
    response.on("close", () => {
      const outcome = context.outcome;
      // Unfinished without an error of ours: the client left (an error after the headers destroys the
      // socket), or, past the shutdown deadline, the server cut the connection.
      if (!response.writableFinished && outcome.error === undefined) {
        if (shutdown.deadlinePassed) outcome.error = serverEndedRequest();
        else outcome.clientAborted = true;
        controller.abort(outcome.error ?? new Error("client disconnected"));
      }
      release();
      // 499 (client closed request) when the client left before the answer was complete.
      const status = outcome.clientAborted
        ? 499
        : !response.headersSent && outcome.error !== undefined
          ? outcome.error.status
          : response.statusCode;
      finish(context, status);
    });
    const match = lookup(context.method, path);
    // Errors are written in the matched route's protocol (Anthropic's shape on /v1/messages), auth included.
    const route = match.kind === "found" ? match.route : undefined;
    try {
      if (shutdown.draining) throw shuttingDown();
      if (match.kind === "not-found") throw routeNotFound(context.method, path);
      if (match.kind === "wrong-method") {
        response.setHeader("allow", match.allowed.join(", "));
        throw methodNotAllowed(context.method, path, match.allowed);
      }
      context.route = match.route.path;
      context.params = match.params;
      if (match.route.authenticated) {
        const headers = request.headers;
        const apiKey = headers["x-api-key"];
        context.identity = match.route.acceptsApiKeyHeader
          ? authenticator.authenticateCredentials({
              authorization: headers.authorization,
              apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
            })
          : authenticator.authenticate(headers.authorization);
      }
      await match.route.handle(context);
    } catch (error) {
      fail(context, errorToSend(error), route);
    }
  };

  httpServer.on("request", (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "unhandled error in request handler");
      if (!response.headersSent) sendError(response, errorToSend(error));
      else response.destroy();
    });
  });
  httpServer.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      error: { message: "Bad request.", type: "invalid_request_error", param: null, code: "bad_request" },
    });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  return {
    httpServer,
    services,
    sockets,
    async listen(port = config.port, host = config.host) {
      started ??= state.start();
      await started;
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address() as AddressInfo;
          const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve({ host: address.address, port: address.port, url: `http://${urlHost}:${address.port}` });
        });
      });
    },
    close(deadlineMs = config.limits.shutdownDeadlineMs) {
      closing ??= Promise.all([shutdown.shutdown(deadlineMs), sockets.shutdown(deadlineMs)])
        .then(() => state.close())
        .then(() => options.onClose?.());
      return closing;
    },
  };
}
