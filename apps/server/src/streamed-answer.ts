import type { ChatUsage, GatewayError, RoutingMetadata, Warning } from "@switchyard/core";
import type { RouteSuccess } from "@switchyard/router";
import { completeRouting } from "./complete-routing";
import type { PrimedStream } from "./primed-stream";
import type { RunContext } from "./request-context";
import type { ServerServices } from "./server-services";
import type { SseWriter } from "./sse-writer";

/** The `complete` callback a stream relay calls once, when the stream ends. */
export type CompleteStream = (usage: ChatUsage | null, failed?: boolean) => RoutingMetadata;

/**
 * Starts a streamed answer whose first item is in: records and returns the ttft. When the client already
 * left, closes the upstream stream instead and returns `undefined`.
 */
export async function startStreamedAnswer(
  context: RunContext,
  success: RouteSuccess<unknown>,
  primed: PrimedStream<unknown>,
): Promise<number | undefined> {
  if (context.signal.aborted) {
    await primed.close();
    return undefined;
  }
  const ttftMs = primed.firstAt - success.startedAt;
  context.outcome.ttftMs = ttftMs;
  return ttftMs;
}

/**
 * The relay's `complete` callback: completes the routing with the warnings `warningsAtEnd` gives, read only
 * when the stream ends, since stream warnings grow while the stream is read.
 */
export function streamCompletion(
  services: ServerServices,
  context: RunContext,
  success: RouteSuccess<unknown>,
  ttftMs: number,
  warningsAtEnd: () => Warning[],
): CompleteStream {
  return (usage, failed) =>
    completeRouting(services, context, success, {
      usage,
      ttftMs,
      warnings: warningsAtEnd(),
      ...(failed ? { failed } : {}),
    });
}

/** Ends a relayed stream, recording the error it ended with, if any. */
export function endStreamedAnswer(
  context: RunContext,
  writer: SseWriter,
  relayed: { error?: GatewayError },
): void {
  if (relayed.error !== undefined) context.outcome.error = relayed.error;
  // Ended only now, so the request's log line (written when the response closes) sees the outcome.
  writer.end();
}
