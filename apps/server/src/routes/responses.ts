import {
  chatResponseToResponses,
  responsesRequestToChat,
  responsesUsageToChat,
} from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatResult,
  type ChatStreamResult,
  type GatewayError,
  parseOrThrow,
  parseSseStream,
  type ResponseObject,
  type ResponsesRequest,
  ResponsesRequestSchema,
  type SseEvent,
  type Translation,
  toGatewayError,
  type Warning,
} from "@switchyard/core";
import type { AttemptTarget, RequestRequirements, RouteSuccess } from "@switchyard/router";
import { affinityKeyOf, requirementsOfChatRequest } from "@switchyard/router";
import { createChatToResponsesTranscoder } from "@switchyard/stream";
import { completeRouting } from "../complete-routing";
import { callOptionsFor, requestedModelOf, routeRequestOf, withoutGateway } from "../gateway-request";
import { passthroughError } from "../native-passthrough";
import { readResponseObject, relayableHeaders } from "../native-responses";
import { type PrimedStream, primeStream } from "../primed-stream";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { ExchangeContext, RequestContext } from "../request-context";
import {
  type ResponsesEventSink,
  type ResponsesRelayOptions,
  type ResponsesRelayResult,
  relayNativeResponsesStream,
  relayTranscodedResponsesStream,
  sseEventSink,
} from "../responses-stream-relay";
import type { Route } from "../route-table";
import { completedRoutingHeaders, routingHeaders } from "../routing-headers";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { endStreamedAnswer, startStreamedAnswer, streamCompletion } from "../streamed-answer";

/** What one successful attempt produced: a native answer or a Chat answer to translate. */
export type StartedResponses =
  | { kind: "native"; response: ResponseObject; headers: Record<string, string> }
  | { kind: "native-stream"; events: PrimedStream<SseEvent>; headers: Record<string, string> }
  | { kind: "chat"; result: ChatResult }
  | { kind: "chat-stream"; result: ChatStreamResult; chunks: PrimedStream<ChatCompletionChunk> };

/** The Chat translation of the request, or why it has none (a feature only native Responses serves). */
type ChatTranslation =
  | { ok: true; translation: Translation<ChatCompletionRequest> }
  | { ok: false; error: GatewayError };

/** Whether an attempt goes to the upstream's own Responses API. */
const servesNatively = (target: AttemptTarget): boolean =>
  target.provider.responses !== undefined && target.offering.endpoints.includes("responses");

function translateToChat(request: ResponsesRequest): ChatTranslation {
  try {
    return { ok: true, translation: responsesRequestToChat(request) };
  } catch (error) {
    return { ok: false, error: toGatewayError(error) };
  }
}

/**
 * The routing requirements of a Responses request: those of its Chat translation, or, when only a native
 * upstream can serve it, a size estimate from the input with the features the request plainly asks for.
 */
function requirementsOf(request: ResponsesRequest, chat: ChatTranslation): RequestRequirements {
  if (chat.ok) return requirementsOfChatRequest(chat.translation.value);
  const estimate: ChatCompletionRequest = {
    messages: [{ role: "user", content: JSON.stringify(request.input ?? "") }],
    stream: request.stream ?? null,
  };
  return { ...requirementsOfChatRequest(estimate), tools: (request.tools?.length ?? 0) > 0 };
}

async function startAttempt(
  services: ServerServices,
  context: ExchangeContext,
  request: ResponsesRequest,
  chat: ChatTranslation,
  target: AttemptTarget,
): Promise<StartedResponses> {
  const stream = request.stream === true;
  const options = callOptionsFor(target, context.signal, stream);
  if (servesNatively(target)) {
    const native = { ...withoutGateway(request), model: target.offering.providerModelId };
    const result = await target.provider.responses!(native, options);
    if (result.status >= 400) throw await passthroughError(result, target.provider.name);
    const headers = relayableHeaders(result.headers);
    if (!stream)
      return {
        kind: "native",
        response: await readResponseObject(
          result,
          target.provider.name,
          services.config.limits.upstreamAnswerBytes,
          context.signal,
        ),
        headers,
      };
    return {
      kind: "native-stream",
      events: await primeStream(parseSseStream(result.body), services.clock),
      headers,
    };
  }
  if (!chat.ok) throw chat.error;
  const chatRequest = { ...withoutGateway(chat.translation.value), model: target.offering.providerModelId };
  if (!stream) return { kind: "chat", result: await target.provider.chat(chatRequest, options) };
  const result = await target.provider.streamChat(chatRequest, options);
  return { kind: "chat-stream", result, chunks: await primeStream(result.chunks, services.clock) };
}

/** The warnings of the request's Chat translation, when the answer went through it. */
const translationWarnings = (chat: ChatTranslation, started: StartedResponses): Warning[] =>
  chat.ok && (started.kind === "chat" || started.kind === "chat-stream") ? chat.translation.warnings : [];

/** Writes a whole (non-streamed) Response with `routing_metadata`, translating a Chat answer first. */
function answerWhole(
  services: ServerServices,
  context: RequestContext,
  request: ResponsesRequest,
  success: RouteSuccess<StartedResponses>,
  started: Extract<StartedResponses, { kind: "native" | "chat" }>,
  requestWarnings: Warning[],
): void {
  let response: ResponseObject;
  let warnings: Warning[] = requestWarnings;
  let headers: Record<string, string> = {};
  if (started.kind === "native") {
    response = started.response;
    headers = started.headers;
  } else {
    const translated = chatResponseToResponses(started.result.response, {
      request,
      ids: services.ids,
      clock: services.clock,
    });
    response = translated.value;
    warnings = [...warnings, ...started.result.warnings, ...translated.warnings];
  }
  const usage = response.usage ? responsesUsageToChat(response.usage) : null;
  const routingMetadata = completeRouting(services, context, success, { usage, warnings });
  if (services.config.logging.logContent) context.outcome.completion = response.output;
  sendJson(
    context.response,
    200,
    { ...response, routing_metadata: routingMetadata },
    { ...headers, ...completedRoutingHeaders(success.target.offering, routingMetadata) },
  );
}

/** A Responses request routed to the attempt that succeeded, with the warnings of its translation. */
export interface RoutedResponses {
  success: RouteSuccess<StartedResponses>;
  requestWarnings: Warning[];
}

/**
 * Serves a validated Responses request up to its first answer: records it on the outcome, translates it for
 * Chat upstreams and routes it; the first attempt that answers (its first streamed item in) wins. HTTP and
 * WebSocket mode share it.
 */
export async function routeResponses(
  services: ServerServices,
  context: ExchangeContext,
  request: ResponsesRequest,
): Promise<RoutedResponses> {
  const outcome = context.outcome;
  outcome.stream = request.stream === true;
  const requestedModel = requestedModelOf(request);
  if (requestedModel !== undefined) outcome.requestedModel = requestedModel;
  if (request.gateway?.metadata !== undefined) outcome.metadata = request.gateway.metadata;
  if (services.config.logging.logContent)
    outcome.prompt = { instructions: request.instructions, input: request.input };
  const chat = translateToChat(request);
  const routeRequest = routeRequestOf(
    request,
    "responses",
    requirementsOf(request, chat),
    { aliases: services.config.modelAliases, router: services.router },
    chat.ok ? affinityKeyOf(chat.translation.value) : request.prompt_cache_key,
  );
  const success = await services.router.route(
    routeRequest,
    (target) => startAttempt(services, context, request, chat, target),
    context.signal,
  );
  recordTarget(context, success);
  return { success, requestWarnings: translationWarnings(chat, success.value) };
}

/**
 * Streams a routed answer into the sink `open` returns (called with the response headers once the first
 * item is in): native events relayed as sent, or Chat chunks transcoded to Responses events whose Response
 * object echoes `echo`. Resolves undefined when the client left before the first item.
 */
export async function streamRoutedResponses(
  services: ServerServices,
  context: ExchangeContext,
  echo: ResponsesRequest,
  routed: RoutedResponses,
  open: (headers: Record<string, string>) => ResponsesEventSink,
): Promise<ResponsesRelayResult | undefined> {
  const { success, requestWarnings } = routed;
  const started = success.value;
  if (started.kind !== "native-stream" && started.kind !== "chat-stream")
    throw new Error("streamRoutedResponses needs a streamed answer");
  const primed = started.kind === "native-stream" ? started.events : started.chunks;
  const ttftMs = await startStreamedAnswer(context, success, primed);
  if (ttftMs === undefined) return undefined;
  const transcoder =
    started.kind === "chat-stream"
      ? createChatToResponsesTranscoder({ request: echo, ids: services.ids, clock: services.clock })
      : undefined;
  const options: ResponsesRelayOptions = {
    signal: context.signal,
    complete: streamCompletion(services, context, success, ttftMs, () => [
      ...requestWarnings,
      ...(started.kind === "chat-stream" ? started.result.warnings : []),
      ...(transcoder?.warnings ?? []),
    ]),
  };
  if (started.kind === "native-stream") {
    const sink = open({ ...started.headers, ...routingHeaders(success.target.offering) });
    return relayNativeResponsesStream(sink, started.events.items, options);
  }
  const sink = open(routingHeaders(success.target.offering));
  return relayTranscodedResponsesStream(sink, started.chunks.items, transcoder!, options);
}

/**
 * `POST /v1/responses`. A provider with a native Responses API gets the request as sent (less `gateway`);
 * any other provider is called in Chat, the answer translated back to a Response or to Responses events.
 */
export function responsesRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/responses",
    authenticated: true,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const request = parseOrThrow(ResponsesRequestSchema, body);
      const routed = await routeResponses(services, context, request);
      const started = routed.success.value;
      if (started.kind === "native" || started.kind === "chat") {
        answerWhole(services, context, request, routed.success, started, routed.requestWarnings);
        return;
      }
      const writer = createSseWriter(context.response);
      const relayed = await streamRoutedResponses(services, context, request, routed, (headers) => {
        writer.open(headers);
        return sseEventSink(writer);
      });
      if (relayed !== undefined) endStreamedAnswer(context, writer, relayed);
    },
  };
}
