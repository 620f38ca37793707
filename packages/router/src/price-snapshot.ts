import type { OfferingPrices } from "./router-types";

/**
 * A model-id rule of the price data (`@pydantic/genai-prices`): which ids a priced model answers to. Ids
 * compare case-insensitively, as the price data does; `regex` is tested as written.
 */
export type ModelMatch =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: ModelMatch[] }
  | { and: ModelMatch[] };

/** One price of the snapshot: USD per million tokens, where it came from, and what was simplified. */
export interface SnapshotPrice extends OfferingPrices {
  /** `genai-prices:<provider>/<model>` or the URL of the provider's price page (with the date it was read). */
  from: string;
  notes?: string[];
}

/** A model of the price data at one of the catalog's providers, with the rule of the ids it answers to. */
export interface SnapshotModel extends SnapshotPrice {
  match: ModelMatch;
  /** The context window the price data gives, when it gives one. */
  contextWindow?: number;
}

/** `prices.snapshot.json`: a pinned copy of the maintained price list, written by `scripts/update-prices.ts`. */
export interface PriceSnapshot {
  /** The package version or URL the prices were read from. */
  source: string;
  /** The date whose prices were kept (`YYYY-MM-DD`). */
  effectiveDate: string;
  /**
   * Every chat model the price data lists at the providers the catalog is generated for (OpenAI, Anthropic,
   * Google, DeepSeek), keyed by `<provider>/<model id>`, with the hand-made corrections applied.
   */
  models: Record<string, SnapshotModel>;
  /** Prices of the hand-written catalog offerings at the other providers, keyed by `<provider>/<providerModelId>`. */
  prices: Record<string, SnapshotPrice>;
}

/** The snapshot key of an offering. */
export function priceKey(provider: string, providerModelId: string): string {
  return `${provider}/${providerModelId}`;
}

/** Whether `modelId` answers to `match` (the price data's rule semantics: case-insensitive except regex). */
export function matchesModelId(match: ModelMatch, modelId: string): boolean {
  const id = modelId.toLowerCase();
  if ("or" in match) return match.or.some((part) => matchesModelId(part, modelId));
  if ("and" in match) return match.and.every((part) => matchesModelId(part, modelId));
  if ("equals" in match) return id === match.equals.toLowerCase();
  if ("starts_with" in match) return id.startsWith(match.starts_with.toLowerCase());
  if ("ends_with" in match) return id.endsWith(match.ends_with.toLowerCase());
  if ("contains" in match) return id.includes(match.contains.toLowerCase());
  return new RegExp(match.regex).test(modelId);
}

/** The ids a rule names exactly (its `equals` parts). */
export function exactIdsOf(match: ModelMatch): string[] {
  if ("or" in match) return match.or.flatMap(exactIdsOf);
  if ("equals" in match) return [match.equals];
  return [];
}
