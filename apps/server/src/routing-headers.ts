import type { RoutingMetadata } from "@switchyard/core";
import type { Offering } from "@switchyard/router";

/** Routing headers known before the answer: which provider and model serve it. */
export function routingHeaders(offering: Offering): Record<string, string> {
  return {
    "x-switchyard-provider": offering.provider,
    "x-switchyard-model": offering.canonicalId,
    "x-switchyard-provider-model": offering.providerModelId,
  };
}

/** Routing headers of a complete answer: the above plus the cost, when the usage was reported. */
export function completedRoutingHeaders(
  offering: Offering,
  metadata: RoutingMetadata,
): Record<string, string> {
  const headers = routingHeaders(offering);
  if (metadata.cost != null) headers["x-switchyard-cost-usd"] = String(metadata.cost.usd);
  return headers;
}
