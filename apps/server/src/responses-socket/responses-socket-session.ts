import {
  type GatewayError,
  parseOrThrow,
  type ResponseInputItem,
  type ResponseObject,
  type ResponsesRequest,
  ResponsesRequestSchema,
} from "@switchyard/core";
import type { WebSocket } from "ws";
import type { ClientIdentity } from "../auth";
import type { WebSocketLimits } from "../config/config";
import { errorToSend } from "../http-errors";
import type { ExchangeContext } from "../request-context";
import { inputLimitError } from "../request-limits";
import type { ResponsesRelayResult } from "../responses-stream-relay";
import { routeResponses, streamRoutedResponses } from "../routes/responses";
import type { ServerServices } from "../server-services";
import { expandCompactions } from "../state/compaction";
import {
  type ConnectionResponseCache,
  contextAfter,
  createConnectionResponseCache,
  inputItemsOf,
} from "./connection-response-cache";
import { invalidSocketRequest, previousResponseNotFound, socketErrorEvent } from "./socket-error-events";
import { createSocketEventSink, type SocketBufferStats } from "./socket-event-sink";
import { createSocketLanes, type SocketLanes } from "./socket-lanes";
import { createSteering, type Steering } from "./socket-steering";
import { streamStoredTurn } from "./socket-stored-turn";

/** Looks up a response a connection's cache does not hold: the response store, when the server has one. */
export type StoredContextResolver = (
  id: string,
  identity: ClientIdentity,
) => Promise<readonly ResponseInputItem[] | undefined>;

/** What a session needs from the server. */
export interface SocketSessionDependencies {
  services: ServerServices;
  identity: ClientIdentity;
  limits: WebSocketLimits;
  /** Writes the log line and metrics of one finished `response.create`, as the HTTP server does per request. */
  record(context: ExchangeContext, status: number): void;
  /** Where the sinks record the unsent backlog they saw. */
  stats: SocketBufferStats;
  /** Resolves `previous_response_id`s of other connections (`store: true`); absent without a store. */
  resolveStored?: StoredContextResolver;
}

/** One `response.create` to serve: its body and lane, and what a steered successor carries. */
export interface CreateJob {
  streamId: string | undefined;
  body: Record<string, unknown>;
  /** The steering submissions this job commits (an automatic successor's). */
  steers?: readonly string[];
}

/** One connection's protocol state: lanes, the connection-local cache, steering. */
export interface ResponsesSocketSession {
  /** Handles one client message. */
  receive(data: string): void;
  /** Jobs running or queued. */
  readonly busy: number;
  /** Resolves once nothing runs or waits. */
  idle(): Promise<void>;
  /** Refuses further `response.create` messages with `error` (draining, lifetime reached). */
  refuse(error: GatewayError): void;
  /** Aborts every upstream call of the connection (the client left, or the server cut it). */
  abort(reason: string): void;
}

/** The fields of `response.create` that are the WebSocket envelope, not part of `POST /v1/responses`. */
const ENVELOPE_FIELDS = new Set(["type", "stream_id"]);

/** Creates the session of one open WebSocket. */
export function createResponsesSocketSession(
  socket: WebSocket,
  dependencies: SocketSessionDependencies,
): ResponsesSocketSession {
  const { services, identity, limits } = dependencies;
  const controller = new AbortController();
  const cache: ConnectionResponseCache = createConnectionResponseCache(limits.maxCachedResponses);
  let refusal: GatewayError | undefined;

  const sendEvent = (event: object) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  };
  const sendError = (error: GatewayError, streamId: string | undefined) =>
    sendEvent(socketErrorEvent(error, streamId));

  const newExchange = (): ExchangeContext => ({
    id: services.ids("req"),
    method: "WEBSOCKET",
    path: "/v1/responses",
    params: {},
    startedAt: services.clock(),
    signal: controller.signal,
    identity,
    route: "/v1/responses",
    outcome: {},
  });

  const steering: Steering = createSteering({
    ids: services.ids,
    maxPendingSteers: limits.maxPendingSteers,
    send: sendEvent,
    startSuccessor: (job) => lanes.enqueueNext(job.streamId, job),
  });

  /** The request a `response.create` asks for, validated like a `POST /v1/responses` body. */
  const requestOf = (body: Record<string, unknown>): ResponsesRequest => {
    // The reference: "background is not supported over WebSocket"; "stream is implicit".
    if (body["background"] === true)
      throw invalidSocketRequest(
        "unsupported_parameter",
        "background is not supported over WebSocket; use POST /v1/responses for background responses.",
        "background",
      );
    return parseOrThrow(ResponsesRequestSchema, { ...body, stream: true });
  };

  /** The earlier turns a `previous_response_id` stands for: this connection's cache, then the store. */
  const priorContext = async (id: string): Promise<readonly ResponseInputItem[]> => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached.context;
    const stored = await dependencies.resolveStored?.(id, identity);
    if (stored === undefined) throw previousResponseNotFound(id);
    return stored;
  };

  const serve = async (job: CreateJob): Promise<void> => {
    const { streamId } = job;
    const context = newExchange();
    const previousId =
      typeof job.body["previous_response_id"] === "string" ? job.body["previous_response_id"] : undefined;
    let status = 200;
    let created: ResponseObject | undefined;
    let terminal: { type: string; response: ResponseObject } | undefined;
    let failed = false;
    let resolvedInput: ResponseInputItem[] = [];
    try {
      const request = requestOf(job.body);
      const cached = previousId === undefined ? undefined : cache.get(previousId);
      const own = [...steering.takeWaiting(previousId), ...inputItemsOf(request.input)];
      const open = () =>
        createSocketEventSink(socket, {
          streamId,
          maxBufferedBytes: limits.maxBufferedBytes,
          stats: dependencies.stats,
          observer: {
            created(response) {
              created = response;
              steering.started(response.id, { streamId, body: job.body, request }, job.steers);
            },
            terminal(type, response) {
              terminal = { type, response };
            },
            error() {
              failed = true;
            },
          },
        });
      let relayed: ResponsesRelayResult | undefined;
      if (services.state.enabled && request.store !== false) {
        // A turn that stores goes through the store like POST /v1/responses: its chain is linked there,
        // and other connections and HTTP find it. A previous response only this connection holds
        // (store: false) is carried in as input, the new one then starting a stored chain of its own.
        let stored: ResponsesRequest = { ...request, input: own };
        if (cached !== undefined && cached.stored !== true) {
          const { previous_response_id: _previous, ...rest } = request;
          stored = { ...rest, input: [...cached.context, ...own] };
        } else if (cached === undefined && previousId !== undefined) await priorContext(previousId);
        const turn = await streamStoredTurn(services, context, stored, open);
        relayed = turn.relayed;
        resolvedInput = turn.input;
      } else {
        const prior = previousId === undefined ? [] : (cached?.context ?? (await priorContext(previousId)));
        resolvedInput = [...prior, ...own];
        const { previous_response_id: _previous, ...rest } = request;
        // A compaction the gateway wrote (`/v1/responses/compact`) becomes its summary for the model; the
        // cache keeps the items as the client sent them.
        const upstream: ResponsesRequest = { ...rest, input: expandCompactions(resolvedInput) };
        const echo: ResponsesRequest =
          previousId === undefined ? upstream : { ...upstream, previous_response_id: previousId };
        const routed = await routeResponses(services, context, upstream);
        relayed = await streamRoutedResponses(services, context, echo, routed, open);
      }
      if (relayed === undefined || relayed.clientAborted) {
        context.outcome.clientAborted = true;
        status = 499;
      } else if (relayed.error !== undefined) {
        context.outcome.error = relayed.error;
        status = relayed.error.status;
      }
      const completed =
        terminal !== undefined && terminal.type !== "response.failed" && !failed && status === 200;
      if (completed)
        cache.put({
          id: terminal!.response.id,
          context: contextAfter(resolvedInput, terminal!.response),
          stored: terminal!.response.store === true,
        });
      else if (previousId !== undefined) cache.evict(previousId);
    } catch (error) {
      if (previousId !== undefined) cache.evict(previousId);
      if (controller.signal.aborted) {
        context.outcome.clientAborted = true;
        status = 499;
      } else {
        const failure = errorToSend(error);
        context.outcome.error = failure;
        status = failure.status;
        if (failure.status >= 500 && failure.cause !== undefined)
          services.logger.error({ request_id: context.id, err: failure.cause }, "request failed");
        sendError(failure, streamId);
      }
    } finally {
      steering.finished(created?.id, terminal, job.steers, controller.signal.aborted);
      dependencies.record(context, status);
    }
  };

  const lanes: SocketLanes<CreateJob> = createSocketLanes(serve, {
    maxLanes: limits.maxStreams,
    maxQueued: limits.maxQueuedRequests,
  });

  const create = (message: Record<string, unknown>) => {
    const streamId = message["stream_id"];
    if (streamId !== undefined && (typeof streamId !== "string" || streamId === "")) {
      sendError(
        invalidSocketRequest("invalid_type", "stream_id must be a non-empty string.", "stream_id"),
        undefined,
      );
      return;
    }
    if (refusal !== undefined) {
      sendError(refusal, streamId);
      return;
    }
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(message)) if (!ENVELOPE_FIELDS.has(key)) body[key] = value;
    const taken = lanes.enqueue(streamId, { streamId, body });
    if (taken === "too_many_streams")
      sendError(
        invalidSocketRequest(
          "too_many_streams",
          `This connection already has ${limits.maxStreams} streams with responses running or queued; wait for one to finish or open another connection.`,
          "stream_id",
        ),
        streamId,
      );
    else if (taken === "too_many_queued")
      sendError(
        invalidSocketRequest(
          "too_many_queued_requests",
          `This connection already has ${limits.maxQueuedRequests} response.create messages waiting; wait for responses to finish.`,
          null,
        ),
        streamId,
      );
  };

  return {
    receive(data) {
      let message: unknown;
      try {
        message = JSON.parse(data);
      } catch {
        sendError(invalidSocketRequest("invalid_json", "The message is not valid JSON.", null), undefined);
        return;
      }
      if (typeof message !== "object" || message === null || Array.isArray(message)) {
        sendError(
          invalidSocketRequest("invalid_type", "A client event is a JSON object with a type.", "type"),
          undefined,
        );
        return;
      }
      const event = message as Record<string, unknown>;
      // The HTTP endpoints' input limits (nesting depth, model name, list lengths), before anything else.
      const overLimit = inputLimitError(event, services.config.limits);
      if (overLimit !== undefined) {
        sendError(overLimit, typeof event["stream_id"] === "string" ? event["stream_id"] : undefined);
        return;
      }
      const type = event["type"];
      if (type === "response.create") create(event);
      else if (type === "response.steer") steering.steer(event);
      else
        sendError(
          invalidSocketRequest(
            "unknown_event_type",
            typeof type === "string"
              ? `Unsupported client event type '${type}'. The Responses WebSocket accepts 'response.create' and 'response.steer'.`
              : "A client event needs a string type: 'response.create' or 'response.steer'.",
            "type",
          ),
          typeof event["stream_id"] === "string" ? event["stream_id"] : undefined,
        );
    },
    get busy() {
      return lanes.busy;
    },
    idle: () => lanes.idle(),
    refuse(error) {
      refusal = error;
    },
    abort(reason) {
      if (!controller.signal.aborted) controller.abort(new Error(reason));
    },
  };
}
