/**
 * Prices for the built-in catalog from the @pydantic/genai-prices data (used by `update-prices.ts` and by
 * the test that checks the pinned snapshot against the installed package).
 */
import { calcPrice, type Provider } from "@pydantic/genai-prices";
import { BUILT_IN_CATALOG } from "../src/built-in-catalog";
import type { SnapshotPrice } from "../src/price-snapshot";

/** Our provider names that genai-prices spells differently. */
export const GENAI_PROVIDER_IDS: Record<string, string> = { xai: "x-ai" };

/** Prices the maintained list lacks, read by hand from the provider's published price page. */
export const SUPPLEMENTS: Record<string, SnapshotPrice> = {
  "fireworks/accounts/fireworks/models/llama-v3p3-70b-instruct": {
    input: 0.9,
    output: 0.9,
    from: "https://fireworks.ai/pricing (serverless, 16.1B - 80B parameters: $0.90 per 1M tokens)",
  },
};

type ModelPrice = Record<string, unknown>;
type Conditional = { constraint?: { type: string; start_date?: string }; prices: ModelPrice };

const numberOf = (value: unknown, notes: string[], field: string): number | undefined => {
  if (typeof value === "number") return value;
  if (value !== null && typeof value === "object" && "base" in value) {
    notes.push(`${field}: long-context tiers not modelled, base tier kept`);
    return (value as { base: number }).base;
  }
  return undefined;
};

/** The price in effect on `date`, ignoring time-of-day variants. */
function priceOn(prices: ModelPrice | Conditional[], date: string, notes: string[]): ModelPrice {
  if (!Array.isArray(prices)) return prices;
  let chosen: ModelPrice | undefined;
  for (const entry of prices) {
    const constraint = entry.constraint;
    if (constraint === undefined) chosen = entry.prices;
    else if (constraint.type === "start_date" && constraint.start_date! <= date) chosen = entry.prices;
    else if (constraint.type === "time_of_date")
      notes.push("time-of-day variants ignored: the price outside those hours is kept");
  }
  if (chosen === undefined) throw new Error("no price in effect on the snapshot date");
  return chosen;
}

/**
 * The price of every built-in offering on `date` (`YYYY-MM-DD`), looking providers up with `providerFor`
 * (genai-prices provider ids). Throws naming every offering without a price.
 */
export function catalogPrices(
  providerFor: (id: string) => Provider | undefined,
  date: string,
): Record<string, SnapshotPrice> {
  const prices: Record<string, SnapshotPrice> = {};
  const missing: string[] = [];
  for (const model of BUILT_IN_CATALOG) {
    for (const offering of model.offerings) {
      const key = `${offering.provider}/${offering.providerModelId}`;
      if (SUPPLEMENTS[key]) {
        prices[key] = SUPPLEMENTS[key];
        continue;
      }
      const providerId = GENAI_PROVIDER_IDS[offering.provider] ?? offering.provider;
      const provider = providerFor(providerId);
      const match = provider && calcPrice({ input_tokens: 1 }, offering.providerModelId, { provider });
      if (!match) {
        missing.push(key);
        continue;
      }
      const notes: string[] = [];
      const price = priceOn(match.model.prices as ModelPrice | Conditional[], date, notes);
      const input = numberOf(price["input_mtok"], notes, "input");
      const output = numberOf(price["output_mtok"], notes, "output");
      if (input === undefined || output === undefined) {
        missing.push(key);
        continue;
      }
      const entry: SnapshotPrice = { input, output, from: `genai-prices:${providerId}/${match.model.id}` };
      const cacheRead = numberOf(price["cache_read_mtok"], notes, "cacheRead");
      const cacheWrite = numberOf(price["cache_write_mtok"], notes, "cacheWrite");
      if (cacheRead !== undefined) entry.cacheRead = cacheRead;
      if (cacheWrite !== undefined) entry.cacheWrite = cacheWrite;
      if (notes.length > 0) entry.notes = [...new Set(notes)];
      prices[key] = entry;
    }
  }
  if (missing.length > 0) throw new Error(`no price found for: ${missing.join(", ")}; add a supplement`);
  return prices;
}
