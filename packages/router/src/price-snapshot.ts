import type { OfferingPrices } from "./router-types";

/** One price of the snapshot: USD per million tokens, where it came from, and what was simplified. */
export interface SnapshotPrice extends OfferingPrices {
  /** `genai-prices:<provider>/<model>` or the URL of the provider's price page. */
  from: string;
  notes?: string[];
}

/** `prices.snapshot.json`: a pinned copy of the maintained price list, written by `scripts/update-prices.ts`. */
export interface PriceSnapshot {
  /** The package version or URL the prices were read from. */
  source: string;
  /** The date whose prices were kept (`YYYY-MM-DD`). */
  effectiveDate: string;
  /** Keyed by `<provider>/<providerModelId>`. */
  prices: Record<string, SnapshotPrice>;
}

/** The snapshot key of an offering. */
export function priceKey(provider: string, providerModelId: string): string {
  return `${provider}/${providerModelId}`;
}
