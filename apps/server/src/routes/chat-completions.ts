import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  type ChatResult,
  type ChatStreamResult,
  createLegacyFunctionChunkMapper,
  liftLegacyFunctions,
  parseOrThrow,
  toLegacyFunctionCompletion,
  usesLegacyFunctions,
} from "@switchyard/core";
import type { AttemptTarget, RouteRequest } from "@switchyard/router";
import { affinityKeyOf, requirementsOfChatRequest } from "@switchyard/router";
import { chatCompletionToChunks } from "@switchyard/stream";
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
  legacyFunctions: boolean,
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
  let { response, warnings } = success.value;
  if (legacyFunctions) {
    const legacy = toLegacyFunctionCompletion(response);
    response = legacy.value;
    warnings = [...warnings, ...legacy.warnings];
  }
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

async function* iterate<Item>(items: readonly Item[]): AsyncGenerator<Item> {
  yield* items;
}

async function* mapChunks(
  chunks: AsyncIterable<ChatCompletionChunk>,
  map: (chunk: ChatCompletionChunk) => ChatCompletionChunk,
): AsyncGenerator<ChatCompletionChunk> {
  for await (const chunk of chunks) yield map(chunk);
}

/**
 * A stream for an offering whose upstream cannot stream (o3-pro and the gpt-5.x pro models answer whole):
 * the whole answer, sent as the chunks of a stream, with a warning saying so.
 */
async function streamFromWholeAnswer(
  context: RequestContext,
  target: AttemptTarget,
  upstream: UpstreamChatRequest,
): Promise<ChatStreamResult> {
  const { stream: _stream, stream_options: _streamOptions, ...whole } = upstream;
  const { response, warnings } = await target.provider.chat(
    chatRequestFor(whole as UpstreamChatRequest, target),
    callOptionsFor(target, context.signal, false),
  );
  return {
    chunks: iterate(chatCompletionToChunks(response)),
    warnings: [
      ...warnings,
      {
        type: "adjusted_parameter",
        code: "stream",
        message: `${target.offering.canonicalId} does not stream upstream; its whole answer was sent as one stream.`,
      },
    ],
  };
}

async function streamChat(
  services: ServerServices,
  context: RequestContext,
  routeRequest: RouteRequest,
  upstream: UpstreamChatRequest,
  legacyFunctions: boolean,
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
      const result = target.offering.capabilities.streaming
        ? await target.provider.streamChat(
            chatRequestFor(streamingRequest, target),
            callOptionsFor(target, context.signal, true),
          )
        : await streamFromWholeAnswer(context, target, upstream);
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
  const legacy = legacyFunctions ? createLegacyFunctionChunkMapper() : undefined;
  const complete = streamCompletion(services, context, success, ttftMs, () => [
    ...result.warnings,
    ...(legacy?.warnings ?? []),
  ]);
  const chunks = legacy === undefined ? stream.items : mapChunks(stream.items, (chunk) => legacy.push(chunk));
  const relayed = await relayChatStream(writer, chunks, {
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
      const parsed = parseOrThrow(ChatCompletionRequestSchema, body);
      // Deprecated function calling is served as tools on every provider and answered in its own form.
      const legacyFunctions = usesLegacyFunctions(parsed);
      const request = legacyFunctions ? liftLegacyFunctions(parsed) : parsed;
      const outcome = context.outcome;
      outcome.stream = request.stream === true;
      const requestedModel = requestedModelOf(request);
      if (requestedModel !== undefined) outcome.requestedModel = requestedModel;
      if (request.gateway?.metadata !== undefined) outcome.metadata = request.gateway.metadata;
      if (services.config.logging.logContent) outcome.prompt = request.messages;
      // Every offering is streamed here, one that cannot stream upstream from its whole answer.
      const routeRequest = routeRequestOf(
        request,
        "chat",
        { ...requirementsOfChatRequest(request), streaming: false },
        { aliases: services.config.modelAliases, router: services.router },
        affinityKeyOf(request),
      );
      const upstream = withoutGateway(request);
      if (request.stream === true)
        await streamChat(services, context, routeRequest, upstream, legacyFunctions);
      else await completeChat(services, context, routeRequest, upstream, legacyFunctions);
    },
  };
}
