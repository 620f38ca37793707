import { parseOrThrow, type ResponsesRequest, ResponsesRequestSchema, type Warning } from "@switchyard/core";
import type { RouteSuccess } from "@switchyard/router";
import { requestedModelOf } from "../gateway-request";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { ExchangeContext, RequestContext } from "../request-context";
import { streamAnswer, wholeResponse } from "../responses-answer";
import {
  type AttemptInput,
  type ResponsesPlan,
  routePlannedResponses,
  type StartedResponses,
  translateToChat,
} from "../responses-attempt";
import { type ResponsesEventSink, type ResponsesRelayResult, sseEventSink } from "../responses-stream-relay";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { startBackgroundResponse } from "../state/background-response";
import { type PreparedResponses, prepareResponses } from "../state/prepare-responses";
import { responseFinisher } from "../state/response-finisher";
import { failedEnding, responseRecorder } from "../state/response-recorder";
import { planResponses, upstreamRequestOf } from "../state/responses-plan";
import { endStreamedAnswer } from "../streamed-answer";

/** Records a Responses request on the exchange's outcome, for the log line and the metrics. */
export function recordRequest(
  services: ServerServices,
  context: ExchangeContext,
  request: ResponsesRequest,
): void {
  const outcome = context.outcome;
  outcome.stream = request.stream === true;
  const requestedModel = requestedModelOf(request);
  if (requestedModel !== undefined) outcome.requestedModel = requestedModel;
  if (request.gateway?.metadata !== undefined) outcome.metadata = request.gateway.metadata;
  if (services.config.logging.logContent)
    outcome.prompt = { instructions: request.instructions, input: request.input };
}

/** A Responses request routed to the attempt that succeeded, with the warnings of its translation. */
export interface RoutedResponses {
  success: RouteSuccess<StartedResponses>;
  requestWarnings: Warning[];
}

/**
 * Routes a Responses request whose input is already complete (WebSocket mode resolves its own
 * `previous_response_id`): records it on the outcome, translates it for Chat upstreams and routes it; the
 * first attempt that answers wins. Nothing is read from or written to the response store here.
 */
export async function routeResponses(
  services: ServerServices,
  context: ExchangeContext,
  request: ResponsesRequest,
): Promise<RoutedResponses> {
  recordRequest(services, context, request);
  const upstream = upstreamRequestOf(request, request.input ?? []);
  const chat = translateToChat(upstream);
  const fixed: AttemptInput = { request: upstream, chat: () => chat, warnings: [] };
  const plan: ResponsesPlan = { request, chat, attemptFor: () => fixed };
  const success = await routePlannedResponses(services, context, request, plan);
  recordTarget(context, success);
  return { success, requestWarnings: [] };
}

/**
 * Streams a routed answer into the sink `open` returns: native events relayed as sent, or Chat chunks
 * transcoded to Responses events whose Response object echoes `echo`. Undefined when the client left before
 * the first item.
 */
export function streamRoutedResponses(
  services: ServerServices,
  context: ExchangeContext,
  echo: ResponsesRequest,
  routed: RoutedResponses,
  open: (headers: Record<string, string>) => ResponsesEventSink,
): Promise<ResponsesRelayResult | undefined> {
  const started = routed.success.value;
  if (started.kind !== "native-stream" && started.kind !== "chat-stream")
    throw new Error("streamRoutedResponses needs a streamed answer");
  return streamAnswer(services, context, routed.success, started, open, { request: echo, ids: services.ids });
}

/**
 * Serves a request while the client waits: the whole Response, or its stream. Either way the final
 * Response is stored (when the request stores) before the client gets it, so a continuation that follows
 * at once finds it; a stream the client leaves is stored as what was sent, `incomplete`.
 */
async function serveForeground(
  services: ServerServices,
  context: RequestContext,
  request: ResponsesRequest,
  prepared: PreparedResponses,
  plan: ResponsesPlan,
): Promise<void> {
  const finisher = responseFinisher(services, prepared, request, services.clock());
  const success = await routePlannedResponses(services, context, request, plan);
  recordTarget(context, success);
  const started = success.value;
  const options = { request: plan.request, ids: prepared.ids };
  if (started.kind === "native" || started.kind === "chat") {
    const whole = wholeResponse(services, context, success, started, options);
    const response = await finisher.finish(finisher.echo(whole.response));
    sendJson(context.response, 200, response, whole.headers);
    return;
  }
  const writer = createSseWriter(context.response);
  const recorder = responseRecorder(finisher);
  const relayed = await streamAnswer(
    services,
    context,
    success,
    started,
    (headers) => {
      writer.open(headers);
      return recorder.wrap(sseEventSink(writer));
    },
    options,
  );
  if (relayed === undefined) return;
  await recorder.settle(
    relayed.clientAborted ? { kind: "client_disconnected" } : failedEnding(relayed.error),
  );
  endStreamedAnswer(context, writer, relayed);
}

/**
 * `POST /v1/responses`. The gateway owns the state: `store` (default true) keeps the Response and its
 * items; `previous_response_id`, `conversation` and `item_reference` are resolved from the store into the
 * full input; `background: true` answers at once and runs on detached. Every upstream is then called
 * statelessly: a provider with a native Responses API gets the request (less `gateway` and the state
 * fields, `store: false`), any other provider is called in Chat and the answer translated back.
 */
export function responsesRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/responses",
    authenticated: true,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const request = parseOrThrow(ResponsesRequestSchema, body);
      recordRequest(services, context, request);
      const prepared = await prepareResponses(services, context.identity, request);
      if (request.background === true) {
        // A background response always runs as a stream, so it can be followed and cancelled mid-way.
        const streamed: ResponsesRequest = { ...request, stream: true };
        const plan = planResponses(streamed, prepared);
        await startBackgroundResponse(services, context, {
          request: streamed,
          prepared,
          plan,
          clientStreams: request.stream === true,
        });
        return;
      }
      await serveForeground(services, context, request, prepared, planResponses(request, prepared));
    },
  };
}
