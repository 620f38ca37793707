import { chatResponseToResponses, responsesUsageToChat } from "@switchyard/chat-responses";
import type { IdGenerator, ResponseObject, ResponsesRequest, Warning } from "@switchyard/core";
import type { RouteSuccess } from "@switchyard/router";
import { createChatToResponsesTranscoder } from "@switchyard/stream";
import { completeRouting } from "./complete-routing";
import type { RunContext } from "./request-context";
import type { StartedResponses } from "./responses-attempt";
import {
  type ResponsesEventSink,
  type ResponsesRelayOptions,
  type ResponsesRelayResult,
  relayNativeResponsesStream,
  relayTranscodedResponsesStream,
} from "./responses-stream-relay";
import { completedRoutingHeaders, routingHeaders } from "./routing-headers";
import type { ServerServices } from "./server-services";
import { startStreamedAnswer, streamCompletion } from "./streamed-answer";

/** A whole (non-streamed) answer: the Response object with `routing_metadata`, and its headers. */
export interface WholeResponse {
  response: ResponseObject;
  headers: Record<string, string>;
}

/** What answering needs besides the attempt: the request to echo and the ids of the answer. */
export interface AnswerOptions {
  request: ResponsesRequest;
  ids: IdGenerator;
}

/** The whole Response with `routing_metadata`, translating a Chat answer first. */
export function wholeResponse(
  services: ServerServices,
  context: RunContext,
  success: RouteSuccess<StartedResponses>,
  started: Extract<StartedResponses, { kind: "native" | "chat" }>,
  options: AnswerOptions,
): WholeResponse {
  let response: ResponseObject;
  let warnings: Warning[] = started.warnings;
  let headers: Record<string, string> = {};
  if (started.kind === "native") {
    response = started.response;
    headers = started.headers;
  } else {
    const translated = chatResponseToResponses(started.result.response, {
      request: options.request,
      ids: options.ids,
      clock: services.clock,
    });
    response = translated.value;
    warnings = [...warnings, ...started.result.warnings, ...translated.warnings];
  }
  const usage = response.usage ? responsesUsageToChat(response.usage) : null;
  const routingMetadata = completeRouting(services, context, success, { usage, warnings });
  if (services.config.logging.logContent) context.outcome.completion = response.output;
  return {
    response: { ...response, routing_metadata: routingMetadata },
    headers: { ...headers, ...completedRoutingHeaders(success.target.offering, routingMetadata) },
  };
}

/**
 * Streams the answer into the sink `open` returns (called with the response headers once the first item is
 * in): native events relayed as sent, or Chat chunks transcoded to Responses events whose Response object
 * echoes `options.request`. Undefined when the client left before the first item (the upstream stream is
 * closed then). HTTP, WebSocket and background responses share it; the caller ends its transport.
 */
export async function streamAnswer(
  services: ServerServices,
  context: RunContext,
  success: RouteSuccess<StartedResponses>,
  started: Extract<StartedResponses, { kind: "native-stream" | "chat-stream" }>,
  open: (headers: Record<string, string>) => ResponsesEventSink,
  options: AnswerOptions,
): Promise<ResponsesRelayResult | undefined> {
  const primed = started.kind === "native-stream" ? started.events : started.chunks;
  const ttftMs = await startStreamedAnswer(context, success, primed);
  if (ttftMs === undefined) return undefined;
  const transcoder =
    started.kind === "chat-stream"
      ? createChatToResponsesTranscoder({ request: options.request, ids: options.ids, clock: services.clock })
      : undefined;
  const relayOptions: ResponsesRelayOptions = {
    signal: context.signal,
    complete: streamCompletion(services, context, success, ttftMs, () => [
      ...started.warnings,
      ...(started.kind === "chat-stream" ? started.result.warnings : []),
      ...(transcoder?.warnings ?? []),
    ]),
  };
  if (started.kind === "native-stream") {
    const sink = open({ ...started.headers, ...routingHeaders(success.target.offering) });
    return relayNativeResponsesStream(sink, started.events.items, relayOptions);
  }
  const sink = open(routingHeaders(success.target.offering));
  return relayTranscodedResponsesStream(sink, started.chunks.items, transcoder!, relayOptions);
}
