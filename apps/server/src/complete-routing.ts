import type { ChatUsage, RoutingMetadata, Warning } from "@switchyard/core";
import type { RouteSuccess } from "@switchyard/router";
import { recordCompletion } from "./record-routing";
import type { RunContext } from "./request-context";
import type { ServerServices } from "./server-services";

/** What a route saw of a delivered answer, for the router's `complete`. */
export interface DeliveredAnswer {
  usage: ChatUsage | null;
  /** Every translation warning of the request and the answer. */
  warnings: Warning[];
  /** Time from routing start to the first streamed item; streams only. */
  ttftMs?: number;
  /** Set when a stream failed after it had started. */
  failed?: boolean;
}

/** Completes the routing of an answer (health, cost, `routing_metadata`) and records it on the outcome. */
export function completeRouting(
  services: ServerServices,
  context: RunContext,
  success: RouteSuccess<unknown>,
  answer: DeliveredAnswer,
): RoutingMetadata {
  const { usage, warnings, ttftMs, failed } = answer;
  const routingMetadata = services.router.complete(success, {
    usage,
    ...(ttftMs === undefined ? {} : { ttftMs }),
    durationMs: services.clock() - success.startedAt,
    warnings,
    ...(failed ? { failed } : {}),
  });
  recordCompletion(context, routingMetadata, usage);
  return routingMetadata;
}
