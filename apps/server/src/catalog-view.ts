import { invalidRequest } from "@switchyard/core";
import type { CanonicalModel, Offering, ProviderRegistration } from "@switchyard/router";

/** The endpoint paths the gateway serves for every model (translating where the upstream lacks one). */
export const GATEWAY_ENDPOINTS = ["/v1/chat/completions", "/v1/responses", "/v1/messages"] as const;

/** A gateway endpoint path. */
export type GatewayEndpoint = (typeof GATEWAY_ENDPOINTS)[number];

/** The values of the listings' `?endpoint=` filter and the endpoint each names. */
export const ENDPOINT_FILTER_VALUES: Readonly<Record<string, GatewayEndpoint>> = {
  chat_completions: "/v1/chat/completions",
  responses: "/v1/responses",
  messages: "/v1/messages",
};

/**
 * The endpoint a listing's `?endpoint=` asks for, or `undefined` when the query has none; an unknown value
 * is a 400 naming the parameter.
 */
export function endpointFilterOf(requestUrl: string | undefined): GatewayEndpoint | undefined {
  const query = new URLSearchParams((requestUrl ?? "").split("?")[1] ?? "");
  const value = query.get("endpoint");
  if (value === null) return undefined;
  const endpoint = Object.hasOwn(ENDPOINT_FILTER_VALUES, value) ? ENDPOINT_FILTER_VALUES[value] : undefined;
  if (endpoint === undefined)
    throw invalidRequest(
      `endpoint: expected one of ${Object.keys(ENDPOINT_FILTER_VALUES).join(", ")}`,
      "endpoint",
    );
  return endpoint;
}

/**
 * The endpoints an offering is served on. Every endpoint, for every offering: the gateway translates
 * where the upstream lacks one (Responses-only models reach Chat and Messages through the Responses API).
 */
export const supportedEndpoints = (_offering: Offering): readonly GatewayEndpoint[] => GATEWAY_ENDPOINTS;

/** Whether the offering is served on `endpoint`; every offering is when no endpoint is asked for. */
export const servesEndpoint = (offering: Offering, endpoint: GatewayEndpoint | undefined): boolean =>
  endpoint === undefined || supportedEndpoints(offering).includes(endpoint);

/** An OpenAI model object, as `/v1/models` lists it. */
export interface ModelObject {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

/** What the registry and the directory show of every catalog model, before its providers. */
export interface CatalogModelSummary {
  id: string;
  object: "model";
  owned_by: string;
  aliases: string[];
}

/** The names of the configured providers. */
export const configuredProviderNames = (providers: readonly ProviderRegistration[]): Set<string> =>
  new Set(providers.map((registration) => registration.provider.name));

/** The summary of a catalog model that the registry and the directory start each entry with. */
export function catalogModelSummary(model: CanonicalModel): CatalogModelSummary {
  return { id: model.id, object: "model", owned_by: model.ownedBy, aliases: model.aliases };
}

/** The offerings of a model whose provider is configured, on `endpoint` when one is given. */
export function servedOfferings(
  model: CanonicalModel,
  providerNames: ReadonlySet<string>,
  endpoint?: GatewayEndpoint,
): Offering[] {
  return model.offerings.filter(
    (offering) => providerNames.has(offering.provider) && servesEndpoint(offering, endpoint),
  );
}

/**
 * The ids `/v1/models` lists for a catalog model: its canonical id, then the dated versions its served
 * offerings take (as OpenAI's own list shows `gpt-4o` and `gpt-4o-2024-08-06`), each servable as written.
 */
export function listedIds(
  model: CanonicalModel,
  providerNames: ReadonlySet<string>,
  endpoint?: GatewayEndpoint,
): string[] {
  const versions = servedOfferings(model, providerNames, endpoint).flatMap(
    (offering) => offering.versions ?? [],
  );
  return [...new Set([model.id, ...versions])];
}

/** Whether a resolved model is only a pass-through guess (`provider/unknown-model`), not a model the catalog knows. */
export const isPassThroughOnly = (model: CanonicalModel): boolean =>
  model.offerings.every((offering) => offering.source === "pass-through");

/** The OpenAI model object of a catalog model. */
export function modelObject(id: string, model: CanonicalModel, created: number): ModelObject {
  return { id, object: "model", created, owned_by: model.ownedBy };
}

/** One offering as the directory shows it: prices per million tokens, limits, capabilities, endpoints. */
export function directoryOffering(offering: Offering, available: boolean) {
  return {
    provider: offering.provider,
    provider_model_id: offering.providerModelId,
    available,
    pricing:
      offering.unpriced === true
        ? null
        : {
            currency: "USD",
            unit: "1M tokens",
            input: offering.prices.input,
            output: offering.prices.output,
            ...(offering.prices.cacheRead === undefined ? {} : { cache_read: offering.prices.cacheRead }),
            ...(offering.prices.cacheWrite === undefined ? {} : { cache_write: offering.prices.cacheWrite }),
          },
    context_window: offering.contextWindow,
    max_output_tokens: offering.maxOutputTokens,
    capabilities: {
      tools: offering.capabilities.tools,
      parallel_tools: offering.capabilities.parallelTools,
      vision: offering.capabilities.vision,
      json_schema: offering.capabilities.jsonSchema,
      reasoning: offering.capabilities.reasoning,
      streaming: offering.capabilities.streaming,
      logprobs: offering.capabilities.logprobs,
    },
    // `native_endpoints` says which of them the upstream speaks itself.
    supported_endpoints: [...supportedEndpoints(offering)],
    native_endpoints: offering.endpoints.map((endpoint) =>
      endpoint === "chat" ? "/v1/chat/completions" : "/v1/responses",
    ),
  };
}
