import { BUILT_IN_CATALOG } from "./built-in-catalog";
import { type PriceSnapshot, priceKey } from "./price-snapshot";
import snapshotJson from "./prices.snapshot.json" with { type: "json" };
import type { CanonicalModel, OfferingPrices } from "./router-types";

/** The pinned price snapshot the built-in catalog is priced from. */
export const PRICE_SNAPSHOT: PriceSnapshot = snapshotJson;

function pricesOf(provider: string, providerModelId: string): OfferingPrices {
  const entry = PRICE_SNAPSHOT.prices[priceKey(provider, providerModelId)];
  if (entry === undefined) {
    // `scripts/update-prices.ts` refuses to write a snapshot with a missing price, and a test checks the join.
    throw new Error(`prices.snapshot.json has no price for ${priceKey(provider, providerModelId)}`);
  }
  const prices: OfferingPrices = { input: entry.input, output: entry.output };
  if (entry.cacheRead !== undefined) prices.cacheRead = entry.cacheRead;
  if (entry.cacheWrite !== undefined) prices.cacheWrite = entry.cacheWrite;
  return prices;
}

/** The built-in catalog with prices from the pinned snapshot. Returns fresh objects on every call. */
export function builtInModels(): CanonicalModel[] {
  return BUILT_IN_CATALOG.map((model) => ({
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
}
