import { responsesRequestToChat } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatResult,
  type ChatStreamResult,
  type GatewayError,
  nativePassthrough,
  parseSseStream,
  type ResponseObject,
  type ResponsesRequest,
  type SseEvent,
  type Translation,
  toGatewayError,
  type Warning,
} from "@switchyard/core";
import type { AttemptTarget, RequestRequirements, RouteSuccess } from "@switchyard/router";
import { affinityKeyOf, requirementsOfChatRequest } from "@switchyard/router";
import { callOptionsFor, routeRequestOf, withoutGateway } from "./gateway-request";
import { passthroughError } from "./native-passthrough";
import { readResponseObject, relayableHeaders } from "./native-responses";
import { checkNativeResponsesStart } from "./native-stream-start";
import { type PrimedStream, primeStream } from "./primed-stream";
import type { RunContext } from "./request-context";
import type { ServerServices } from "./server-services";
import { statelessNativeRequest } from "./state/stateless-native-request";
import { streamGuard } from "./stream-guard";

/** What one successful attempt produced: a native answer or a Chat answer to translate. */
export type StartedResponses =
  | { kind: "native"; response: ResponseObject; headers: Record<string, string>; warnings: Warning[] }
  | {
      kind: "native-stream";
      events: PrimedStream<SseEvent>;
      headers: Record<string, string>;
      warnings: Warning[];
    }
  | { kind: "chat"; result: ChatResult; warnings: Warning[] }
  | {
      kind: "chat-stream";
      result: ChatStreamResult;
      chunks: PrimedStream<ChatCompletionChunk>;
      warnings: Warning[];
    };

/** The Chat translation of a request, or why it has none (a feature only native Responses serves). */
export type ChatTranslation =
  | { ok: true; translation: Translation<ChatCompletionRequest> }
  | { ok: false; error: GatewayError };

/** What one attempt at a target sends: the full input for that target and the warnings it cost. */
export interface AttemptInput {
  /** The request for a native upstream (state fields still in; `statelessNativeRequest` removes them). */
  request: ResponsesRequest;
  /** Its Chat translation, computed when a Chat upstream is tried. */
  chat(): ChatTranslation;
  warnings: Warning[];
}

/**
 * A Responses request ready to be served: `request` is what the answer echoes (the client's settings),
 * `chat` the translation routing requirements are read from, and `attemptFor` what an attempt at a target
 * sends (stored opaque reasoning goes only to the model that produced it, so it may differ by target).
 */
export interface ResponsesPlan {
  request: ResponsesRequest;
  chat: ChatTranslation;
  attemptFor(target: AttemptTarget): AttemptInput;
}

/** Whether an attempt goes to the upstream's own Responses API. */
export const servesNatively = (target: AttemptTarget): boolean =>
  nativePassthrough(target.provider, "openai-responses") !== undefined &&
  target.offering.endpoints.includes("responses");

/** The Chat translation of a request, or the error that says why there is none. */
export function translateToChat(request: ResponsesRequest): ChatTranslation {
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
export function requirementsOf(request: ResponsesRequest, chat: ChatTranslation): RequestRequirements {
  if (chat.ok) return requirementsOfChatRequest(chat.translation.value);
  const estimate: ChatCompletionRequest = {
    messages: [{ role: "user", content: JSON.stringify(request.input ?? "") }],
    stream: request.stream ?? null,
  };
  return { ...requirementsOfChatRequest(estimate), tools: (request.tools?.length ?? 0) > 0 };
}

/**
 * One attempt at a target: the native Responses API with the state fields removed (see
 * `statelessNativeRequest`), or the Chat translation; a stream is primed (its first item read) inside the
 * attempt so an upstream that fails before it fails over.
 */
export async function startAttempt(
  services: ServerServices,
  signal: AbortSignal,
  plan: ResponsesPlan,
  target: AttemptTarget,
): Promise<StartedResponses> {
  const stream = plan.request.stream === true;
  const options = callOptionsFor(target, signal, stream);
  const attempt = plan.attemptFor(target);
  if (servesNatively(target)) {
    const native = statelessNativeRequest(
      withoutGateway(attempt.request),
      target.offering.providerModelId,
      target.modelInfo,
    );
    const passthrough = nativePassthrough(target.provider, "openai-responses");
    if (passthrough === undefined)
      throw new Error(`${target.provider.name} has no native Responses endpoint`);
    const result = await passthrough(native.request, options);
    if (result.status >= 400) throw await passthroughError(result, target.provider.name);
    const headers = relayableHeaders(result.headers);
    if (!stream)
      return {
        kind: "native",
        response: await readResponseObject(
          result,
          target.provider.name,
          services.config.limits.upstreamAnswerBytes,
          signal,
        ),
        headers,
        warnings: [...attempt.warnings, ...native.warnings],
      };
    const events = await primeStream(
      parseSseStream(result.body),
      services.clock,
      streamGuard(services, target),
    );
    await checkNativeResponsesStart(events, target.provider.name);
    return { kind: "native-stream", events, headers, warnings: [...attempt.warnings, ...native.warnings] };
  }
  const chat = attempt.chat();
  if (!chat.ok) throw chat.error;
  const chatRequest = { ...withoutGateway(chat.translation.value), model: target.offering.providerModelId };
  const warnings = [...attempt.warnings, ...chat.translation.warnings];
  if (!stream) return { kind: "chat", result: await target.provider.chat(chatRequest, options), warnings };
  const result = await target.provider.streamChat(chatRequest, options);
  const chunks = await primeStream(result.chunks, services.clock, streamGuard(services, target));
  return { kind: "chat-stream", result, chunks, warnings };
}

/** Routes a planned Responses request: one attempt per candidate until one starts answering. */
export function routePlannedResponses(
  services: ServerServices,
  run: RunContext,
  request: ResponsesRequest,
  plan: ResponsesPlan,
): Promise<RouteSuccess<StartedResponses>> {
  const routeRequest = routeRequestOf(
    request,
    "responses",
    requirementsOf(plan.request, plan.chat),
    { aliases: services.config.modelAliases, router: services.router },
    plan.chat.ok ? affinityKeyOf(plan.chat.translation.value) : request.prompt_cache_key,
  );
  return services.router.route(
    routeRequest,
    (target) => startAttempt(services, run.signal, plan, target),
    run.signal,
  );
}
