import type { CanonicalModel, Offering, ProviderRegistration } from "@switchyard/router";

/** The endpoint paths the gateway serves for every model (translating where the upstream lacks one). */
export const GATEWAY_ENDPOINTS = ["/v1/chat/completions", "/v1/responses"] as const;

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

/** The offerings of a model whose provider is configured. */
export function servedOfferings(model: CanonicalModel, providerNames: ReadonlySet<string>): Offering[] {
  return model.offerings.filter((offering) => providerNames.has(offering.provider));
}

/**
 * The ids `/v1/models` lists for a catalog model: its canonical id, then the dated versions its served
 * offerings take (as OpenAI's own list shows `gpt-4o` and `gpt-4o-2024-08-06`), each servable as written.
 */
export function listedIds(model: CanonicalModel, providerNames: ReadonlySet<string>): string[] {
  const versions = servedOfferings(model, providerNames).flatMap((offering) => offering.versions ?? []);
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
    // Both endpoints are served for every offering; `native_endpoints` says which the upstream speaks.
    supported_endpoints: [...GATEWAY_ENDPOINTS],
    native_endpoints: offering.endpoints.map((endpoint) =>
      endpoint === "chat" ? "/v1/chat/completions" : "/v1/responses",
    ),
  };
}
