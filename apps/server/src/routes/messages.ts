import {
  chatResponseToMessages,
  createChatToMessagesTranscoder,
  toMessagesError,
} from "@switchyard/chat-messages";
import type {
  ChatCompletionChunk,
  ChatResult,
  ChatStreamResult,
  ChatUsage,
  GatewayError,
  Warning,
} from "@switchyard/core";
import { nativePassthrough } from "@switchyard/core";
import type { AttemptTarget, RouteSuccess } from "@switchyard/router";
import { completeRouting } from "../complete-routing";
import { callOptionsFor } from "../gateway-request";
import { callNativeMessages, type NativeMessagesAnswer, type NativeMessagesStream } from "../messages-native";
import {
  chatRequestForOffering,
  forwardedAnthropicHeaders,
  type MessagesChatTranslation,
  type MessagesEnvelope,
  messagesRouteRequest,
  nativeMessagesBody,
  parseMessagesEnvelope,
  translateMessagesToChat,
} from "../messages-request";
import {
  type MessagesRelayOptions,
  type MessagesRelayResult,
  relayNativeMessagesStream,
  relayTranscodedMessagesStream,
} from "../messages-stream-relay";
import { type PrimedStream, primeStream } from "../primed-stream";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { RequestContext } from "../request-context";
import type { RenderedError, Route } from "../route-table";
import { completedRoutingHeaders, routingHeaders } from "../routing-headers";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { streamGuard } from "../stream-guard";
import { endStreamedAnswer, startStreamedAnswer, streamCompletion } from "../streamed-answer";
import { warningsHeader } from "../warnings-header";

/** What one successful attempt produced: a native answer to relay, or a Chat answer to translate. */
type StartedMessages =
  | NativeMessagesAnswer
  | NativeMessagesStream
  | { kind: "chat"; result: ChatResult; warnings: Warning[] }
  | {
      kind: "chat-stream";
      result: ChatStreamResult;
      chunks: PrimedStream<ChatCompletionChunk>;
      warnings: Warning[];
    };

/** Anthropic's error shape and status, for every error of the `/v1/messages` endpoints. */
export const renderMessagesError = (error: GatewayError): RenderedError => toMessagesError(error);

/** Whether an attempt goes to the upstream's own Messages API (Anthropic). */
export const servesMessagesNatively = (target: AttemptTarget): boolean =>
  nativePassthrough(target.provider, "anthropic-messages") !== undefined;

async function startAttempt(
  services: ServerServices,
  context: RequestContext,
  envelope: MessagesEnvelope,
  chat: MessagesChatTranslation,
  target: AttemptTarget,
): Promise<StartedMessages> {
  const options = callOptionsFor(target, context.signal, envelope.stream);
  if (servesMessagesNatively(target)) {
    const body = nativeMessagesBody(envelope.raw, target.offering.providerModelId);
    const headers = forwardedAnthropicHeaders(context.request);
    return callNativeMessages(target.provider, body, { ...options, headers }, envelope.stream, {
      clock: services.clock,
      maxAnswerBytes: services.config.limits.upstreamAnswerBytes,
      guard: streamGuard(services, target),
    });
  }
  if (!chat.ok) throw chat.error;
  const { value: request, warnings } = chatRequestForOffering(chat.translation.value, target.offering);
  if (!envelope.stream)
    return { kind: "chat", result: await target.provider.chat(request, options), warnings };
  const result = await target.provider.streamChat(request, options);
  return {
    kind: "chat-stream",
    result,
    chunks: await primeStream(result.chunks, services.clock, streamGuard(services, target)),
    warnings,
  };
}

/** The warnings of the request's translation to Chat, when the answer went through it. */
const requestWarnings = (chat: MessagesChatTranslation, started: StartedMessages): Warning[] =>
  chat.ok && (started.kind === "chat" || started.kind === "chat-stream")
    ? [...chat.translation.warnings, ...started.warnings]
    : [];

/** Writes a whole answer: the native bytes as they came, or the Chat answer translated to a Message. */
function answerWhole(
  services: ServerServices,
  context: RequestContext,
  envelope: MessagesEnvelope,
  success: RouteSuccess<StartedMessages>,
  started: Extract<StartedMessages, { kind: "native" | "chat" }>,
  warnings: Warning[],
): void {
  // Completes the routing and returns the answer's headers: routing outcome, cost and warnings.
  const complete = (usage: ChatUsage | null, allWarnings: Warning[]): Record<string, string> => {
    const routingMetadata = completeRouting(services, context, success, { usage, warnings: allWarnings });
    return {
      ...completedRoutingHeaders(success.target.offering, routingMetadata),
      ...warningsHeader(routingMetadata.warnings ?? []),
    };
  };
  if (started.kind === "native") {
    const headers = complete(started.usage, warnings);
    context.response.writeHead(200, {
      ...started.headers,
      ...headers,
      "content-type": "application/json",
      "content-length": String(started.body.length),
    });
    context.response.end(started.body);
    return;
  }
  const { response, warnings: resultWarnings } = started.result;
  const translated = chatResponseToMessages(response, { ids: services.ids, model: envelope.model });
  const headers = complete(response.usage ?? null, [...warnings, ...resultWarnings, ...translated.warnings]);
  if (services.config.logging.logContent) context.outcome.completion = translated.value.content;
  sendJson(context.response, 200, translated.value, headers);
}

/** Streams the answer: native bytes relayed as sent, or Chat chunks transcoded to Messages events. */
async function answerStream(
  services: ServerServices,
  context: RequestContext,
  envelope: MessagesEnvelope,
  success: RouteSuccess<StartedMessages>,
  started: Extract<StartedMessages, { kind: "native-stream" | "chat-stream" }>,
  warnings: Warning[],
): Promise<void> {
  const primed = started.kind === "native-stream" ? started.bytes : started.chunks;
  const ttftMs = await startStreamedAnswer(context, success, primed);
  if (ttftMs === undefined) return;
  const transcoder =
    started.kind === "chat-stream"
      ? createChatToMessagesTranscoder({ ids: services.ids, model: envelope.model })
      : undefined;
  const options: MessagesRelayOptions = {
    signal: context.signal,
    complete: streamCompletion(services, context, success, ttftMs, () => [
      ...warnings,
      ...(started.kind === "chat-stream" ? started.result.warnings : []),
      ...(transcoder?.warnings ?? []),
    ]),
  };
  // Headers go out before the answer, so they carry the warnings known by now; the log line has them all.
  const known = [
    ...success.warnings,
    ...warnings,
    ...(started.kind === "chat-stream" ? started.result.warnings : []),
  ];
  const headers = { ...routingHeaders(success.target.offering), ...warningsHeader(known) };
  const writer = createSseWriter(context.response);
  let relayed: MessagesRelayResult;
  if (started.kind === "native-stream") {
    writer.open({ ...started.headers, ...headers });
    relayed = await relayNativeMessagesStream(
      writer,
      started.bytes.items,
      success.target.provider.name,
      options,
    );
  } else {
    writer.open(headers);
    relayed = await relayTranscodedMessagesStream(writer, started.chunks.items, transcoder!, {
      ...options,
      pingIntervalMs: services.config.limits.pingIntervalMs,
    });
  }
  endStreamedAnswer(context, writer, relayed);
}

/**
 * `POST /v1/messages`: the Anthropic Messages API on every model. An Anthropic upstream gets the request as
 * sent (model id set, `gateway` and `extensions` removed) and its answer relayed byte for byte; any other
 * upstream is called in Chat and the answer translated back to a Message or to Messages events. Keys come
 * in `x-api-key` or `Authorization: Bearer`; errors are Anthropic-shaped.
 */
export function messagesRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/messages",
    authenticated: true,
    acceptsApiKeyHeader: true,
    renderError: renderMessagesError,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const envelope = parseMessagesEnvelope(body);
      const outcome = context.outcome;
      outcome.stream = envelope.stream;
      outcome.requestedModel = envelope.gateway?.models?.join(",") ?? envelope.model;
      if (envelope.gateway?.metadata !== undefined) outcome.metadata = envelope.gateway.metadata;
      if (services.config.logging.logContent)
        outcome.prompt = { system: envelope.raw["system"], messages: envelope.raw["messages"] };
      const chat = translateMessagesToChat(body);
      const routeRequest = messagesRouteRequest(envelope, chat, {
        aliases: services.config.modelAliases,
        router: services.router,
      });
      const success = await services.router.route(
        routeRequest,
        (target) => startAttempt(services, context, envelope, chat, target),
        context.signal,
      );
      recordTarget(context, success);
      const started = success.value;
      const warnings = requestWarnings(chat, started);
      if (started.kind === "native" || started.kind === "chat")
        answerWhole(services, context, envelope, success, started, warnings);
      else await answerStream(services, context, envelope, success, started, warnings);
    },
  };
}
