import { parseOrThrow, type ResponsesRequest, ResponsesRequestSchema } from "@switchyard/core";
import { requestedModelOf } from "../gateway-request";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { RequestContext } from "../request-context";
import { streamAnswer, wholeResponse } from "../responses-answer";
import { type ResponsesPlan, routeResponses } from "../responses-attempt";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { startBackgroundResponse } from "../state/background-response";
import { type PreparedResponses, prepareResponses } from "../state/prepare-responses";
import { failedEnding, recordingWriter } from "../state/recording-writer";
import { responseFinisher } from "../state/response-finisher";
import { planResponses } from "../state/responses-plan";
import { endStreamedAnswer } from "../streamed-answer";

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
  const success = await routeResponses(services, context, request, plan);
  recordTarget(context, success);
  const started = success.value;
  const options = { request: plan.request, ids: prepared.ids };
  if (started.kind === "native" || started.kind === "chat") {
    const whole = wholeResponse(services, context, success, started, options);
    const response = await finisher.finish(finisher.echo(whole.response));
    sendJson(context.response, 200, response, whole.headers);
    return;
  }
  const writer = recordingWriter(createSseWriter(context.response), finisher);
  const relayed = await streamAnswer(services, context, success, started, writer, options);
  if (relayed === undefined) return;
  await writer.settle(relayed.clientAborted ? { kind: "client_disconnected" } : failedEnding(relayed.error));
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
      const outcome = context.outcome;
      outcome.stream = request.stream === true;
      const requestedModel = requestedModelOf(request);
      if (requestedModel !== undefined) outcome.requestedModel = requestedModel;
      if (request.gateway?.metadata !== undefined) outcome.metadata = request.gateway.metadata;
      if (services.config.logging.logContent)
        outcome.prompt = { instructions: request.instructions, input: request.input };
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
