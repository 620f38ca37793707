import type { Offering, OfferingCapabilities } from "./router-types";

/**
 * The context window and output limit of a model the catalog knows nothing of: no request is filtered out
 * for its size, and providers are told no limit (`modelInfoOf` leaves them out), so the upstream decides.
 */
export const UNKNOWN_LIMIT = 2 ** 31 - 1;

/** Capabilities of a model the catalog knows nothing of: none is assumed missing; the upstream decides. */
const UNKNOWN_CAPABILITIES: OfferingCapabilities = {
  tools: true,
  parallelTools: true,
  vision: true,
  jsonSchema: true,
  reasoning: false,
  streaming: true,
  logprobs: true,
};

/** An offering of a model the catalog does not list, sent to `provider` as `modelId` and billed as unknown. */
export function unknownOffering(
  provider: string,
  modelId: string,
  source: NonNullable<Offering["source"]>,
): Offering {
  return {
    canonicalId: modelId,
    provider,
    providerModelId: modelId,
    prices: { input: 0, output: 0 },
    contextWindow: UNKNOWN_LIMIT,
    maxOutputTokens: UNKNOWN_LIMIT,
    capabilities: { ...UNKNOWN_CAPABILITIES },
    endpoints: ["chat", "responses"],
    unpriced: true,
    source,
  };
}

/** The offering of `provider/modelId` when the catalog has neither the model nor a price rule for it. */
export const passThroughOffering = (provider: string, modelId: string): Offering =>
  unknownOffering(provider, modelId, "pass-through");
