import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  type ChatResult,
  type ChatStreamResult,
  parseOrThrow,
} from "@switchyard/core";
import type { RouteRequest } from "@switchyard/router";
import { affinityKeyOf, requirementsOfChatRequest } from "@switchyard/router";
import { relayChatStream } from "../chat-stream-relay";
import { completeRouting } from "../complete-routing";
import {
  callOptionsFor,
  chatRequestFor,
  requestedModelOf,
  routeRequestOf,
  withoutGateway,
} from "../gateway-request";
import { type PrimedStream, primeStream } from "../primed-stream";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { RequestContext } from "../request-context";
import type { Route } from "../route-table";
import { completedRoutingHeaders, routingHeaders } from "../routing-headers";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { streamGuard } from "../stream-guard";
import { endStreamedAnswer, startStreamedAnswer, streamCompletion } from "../streamed-answer";

/** A Chat request with `gateway` removed. */
type UpstreamChatRequest = ChatCompletionRequest;

async function completeChat(
  services: ServerServices,
  context: RequestContext,
  routeRequest: RouteRequest,
  upstream: UpstreamChatRequest,
): Promise<void> {
  // `stream_options` only means something on a stream; OpenAI rejects it otherwise.
  const { stream_options: _streamOptions, ...rest } = upstream;
  const whole = rest as UpstreamChatRequest;
  const success = await services.router.route<ChatResult>(
    routeRequest,
    (target) =>
      target.provider.chat(chatRequestFor(whole, target), callOptionsFor(target, context.signal, false)),
    context.signal,
  );
  recordTarget(context, success);
  const { response, warnings } = success.value;
  const routingMetadata = completeRouting(services, context, success, {
    usage: response.usage ?? null,
    warnings,
  });
  if (services.config.logging.logContent) context.outcome.completion = response.choices;
  sendJson(
    context.response,
    200,
    { ...response, routing_metadata: routingMetadata },
    completedRoutingHeaders(success.target.offering, routingMetadata),
  );
}

interface StartedChatStream {
  result: ChatStreamResult;
  stream: PrimedStream<ChatCompletionChunk>;
}

async function streamChat(
  services: ServerServices,
  context: RequestContext,
  routeRequest: RouteRequest,
  upstream: UpstreamChatRequest,
): Promise<void> {
  // Usage is always requested upstream: the cost needs it, and the final chunk always carries it.
  const includeUsage = upstream.stream_options?.include_usage === true;
  const streamingRequest: UpstreamChatRequest = {
    ...upstream,
    stream: true,
    stream_options: { ...upstream.stream_options, include_usage: true },
  };
  const success = await services.router.route<StartedChatStream>(
    routeRequest,
    async (target) => {
      const result = await target.provider.streamChat(
        chatRequestFor(streamingRequest, target),
        callOptionsFor(target, context.signal, true),
      );
      return {
        result,
        stream: await primeStream(result.chunks, services.clock, streamGuard(services, target)),
      };
    },
    context.signal,
  );
  recordTarget(context, success);
  const { result, stream } = success.value;
  const ttftMs = await startStreamedAnswer(context, success, stream);
  if (ttftMs === undefined) return;
  const writer = createSseWriter(context.response);
  writer.open(routingHeaders(success.target.offering));
  const complete = streamCompletion(services, context, success, ttftMs, () => result.warnings);
  const relayed = await relayChatStream(writer, stream.items, {
    includeUsage,
    signal: context.signal,
    fallbackId: services.ids("chatcmpl"),
    fallbackCreated: Math.floor(services.clock() / 1000),
    collectText: services.config.logging.logContent,
    complete,
  });
  // The relay completes only a finished stream; a failed one is completed here, and recorded on the log
  // line and metrics like the Responses and Messages routes do.
  if (relayed.error !== undefined) complete(relayed.usage, true);
  if (relayed.text !== undefined) context.outcome.completion = relayed.text;
  endStreamedAnswer(context, writer, relayed);
}

/**
 * `POST /v1/chat/completions`: validate, route, call the provider (Chat in, Chat out; Responses-only models
 * are translated inside the OpenAI provider), and answer with `routing_metadata`, streamed or not.
 */
export function chatCompletionsRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/chat/completions",
    authenticated: true,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const request = parseOrThrow(ChatCompletionRequestSchema, body);
      const outcome = context.outcome;
      outcome.stream = request.stream === true;
      const requestedModel = requestedModelOf(request);
      if (requestedModel !== undefined) outcome.requestedModel = requestedModel;
      if (request.gateway?.metadata !== undefined) outcome.metadata = request.gateway.metadata;
      if (services.config.logging.logContent) outcome.prompt = request.messages;
      const routeRequest = routeRequestOf(
        request,
        "chat",
        requirementsOfChatRequest(request),
        { aliases: services.config.modelAliases, router: services.router },
        affinityKeyOf(request),
      );
      const upstream = withoutGateway(request);
      if (request.stream === true) await streamChat(services, context, routeRequest, upstream);
      else await completeChat(services, context, routeRequest, upstream);
    },
  };
}
