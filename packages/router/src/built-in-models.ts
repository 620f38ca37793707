import { BUILT_IN_CATALOG } from "./built-in-catalog";
import { generatedModels, offeringPricesOf } from "./generated-catalog";
import { type PriceSnapshot, priceKey } from "./price-snapshot";
import snapshotJson from "./prices.snapshot.json" with { type: "json" };
import type { CanonicalModel, OfferingPrices } from "./router-types";

/** The pinned price snapshot the built-in catalog is priced from. */
export const PRICE_SNAPSHOT: PriceSnapshot = snapshotJson as PriceSnapshot;

function pricesOf(provider: string, providerModelId: string): OfferingPrices {
  const entry = PRICE_SNAPSHOT.prices[priceKey(provider, providerModelId)];
  if (entry === undefined) {
    // `scripts/update-prices.ts` refuses to write a snapshot with a missing price, and a test checks the join.
    throw new Error(`prices.snapshot.json has no price for ${priceKey(provider, providerModelId)}`);
  }
  return offeringPricesOf(entry);
}

/**
 * The built-in catalog: every chat model of the price snapshot at OpenAI, Anthropic, Google and DeepSeek
 * (generated), then the hand-written models at the other providers, priced from the pinned snapshot.
 * Returns fresh objects on every call.
 */
export function builtInModels(): CanonicalModel[] {
  const handWritten = BUILT_IN_CATALOG.map((model) => ({
    id: model.id,
    ownedBy: model.ownedBy,
    aliases: [...model.aliases],
    offerings: model.offerings.map((offering) => ({
      canonicalId: model.id,
      provider: offering.provider,
      providerModelId: offering.providerModelId,
      prices: pricesOf(offering.provider, offering.providerModelId),
      contextWindow: offering.contextWindow,
      maxOutputTokens: offering.maxOutputTokens,
      capabilities: { ...offering.capabilities },
      endpoints: [...offering.endpoints],
    })),
  }));
  return [...generatedModels(PRICE_SNAPSHOT), ...handWritten];
}
