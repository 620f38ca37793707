import type { ChatUsage, RoutingMetadata } from "@switchyard/core";
import type { RouteSuccess } from "@switchyard/router";
import type { RunContext } from "./request-context";

/** Records which offering served a request on the request's outcome, before the answer is written. */
export function recordTarget(context: RunContext, success: RouteSuccess<unknown>): void {
  const outcome = context.outcome;
  outcome.provider = success.target.offering.provider;
  outcome.model = success.target.offering.canonicalId;
  outcome.providerModelId = success.target.offering.providerModelId;
  outcome.attempts = success.attempts.length;
}

/** Records the completed routing (usage, cost, ttft and warnings) on the request's outcome. */
export function recordCompletion(
  context: RunContext,
  metadata: RoutingMetadata,
  usage: ChatUsage | null | undefined,
): void {
  const outcome = context.outcome;
  if (usage) outcome.usage = usage;
  if (metadata.cost != null) outcome.costUsd = metadata.cost.usd;
  if (metadata.ttft_ms !== undefined) outcome.ttftMs = metadata.ttft_ms;
  if (metadata.warnings !== undefined) outcome.warnings = metadata.warnings;
  if (metadata.attempts !== undefined) outcome.attempts = metadata.attempts.length;
}
