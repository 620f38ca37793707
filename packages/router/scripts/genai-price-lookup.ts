/**
 * Builds `src/prices.snapshot.json` from the @pydantic/genai-prices data (used by `update-prices.ts` and by
 * the test that checks the pinned snapshot against the installed package).
 */
import { calcPrice, type Provider } from "@pydantic/genai-prices";
import { BUILT_IN_CATALOG } from "../src/built-in-catalog";
import { GENERATED_PROVIDERS, isServedModel } from "../src/catalog-families";
import type { ModelMatch, PriceSnapshot, SnapshotModel, SnapshotPrice } from "../src/price-snapshot";
import type { OfferingPrices, PriceTier, TimeOfDayPrices, TokenPrices } from "../src/router-types";

/** Our provider names that genai-prices spells differently. */
export const GENAI_PROVIDER_IDS: Record<string, string> = { xai: "x-ai" };

const DEEPSEEK_PRICING = "https://api-docs.deepseek.com/quick_start/pricing (read 2026-12-04)";
/**
 * DeepSeek's peak hours: Monday to Friday, 09:00-12:00 and 14:00-18:00 Beijing time (UTC+8), which is
 * 01:00-04:00 and 06:00-10:00 UTC; every other hour, weekends included, is off-peak at half the peak price.
 * Chinese public holidays are off-peak too: not modelled (the cost is then the peak price, an upper bound).
 */
function deepSeekSchedule(offPeak: TokenPrices, peak: TokenPrices): OfferingPrices {
  const weekdays = [1, 2, 3, 4, 5];
  const window = (from: string, to: string): TimeOfDayPrices => ({
    from,
    to,
    utcOffsetMinutes: 480,
    weekdays,
    ...peak,
  });
  return { ...offPeak, timeOfDay: [window("09:00", "12:00"), window("14:00", "18:00")] };
}
const DEEPSEEK_FLASH = deepSeekSchedule(
  { input: 0.15, cacheRead: 0.003, output: 0.6 },
  { input: 0.3, cacheRead: 0.006, output: 1.2 },
);
const DEEPSEEK_PRO = deepSeekSchedule(
  { input: 0.66, cacheRead: 0.022, output: 1.98 },
  { input: 1.32, cacheRead: 0.044, output: 3.96 },
);

/**
 * Models and prices the maintained list lacks or has out of date, read by hand from the provider's page.
 * Each replaces the list's entry of the same key (or adds one).
 */
export const MODEL_SUPPLEMENTS: Record<string, SnapshotModel> = {
  "deepseek/deepseek-flash": {
    match: { equals: "deepseek-flash" },
    contextWindow: 1_000_000,
    ...DEEPSEEK_FLASH,
    from: DEEPSEEK_PRICING,
    notes: ["not in the price list yet: DeepSeek-V4.1-Flash, off-peak and peak prices from the pricing page"],
  },
  "deepseek/deepseek-v4-flash": {
    match: { or: [{ starts_with: "deepseek-v4-flash" }] },
    contextWindow: 1_000_000,
    ...DEEPSEEK_FLASH,
    from: DEEPSEEK_PRICING,
    notes: [
      "legacy name: the pricing page says its requests are served by V4.1-Flash and billed at Flash prices",
    ],
  },
  "deepseek/deepseek-v4-pro": {
    match: { or: [{ starts_with: "deepseek-v4-pro" }] },
    contextWindow: 1_000_000,
    ...DEEPSEEK_PRO,
    from: DEEPSEEK_PRICING,
    notes: ["the list's peak windows lack DeepSeek's weekday rule (weekends are off-peak all day)"],
  },
  "deepseek/deepseek-chat": {
    match: { or: [{ starts_with: "deepseek-chat" }, { equals: "deepseek-chat-v3-0324" }] },
    contextWindow: 1_000_000,
    ...DEEPSEEK_FLASH,
    from: `${DEEPSEEK_PRICING}; https://api-docs.deepseek.com/news/news260424`,
    notes: [
      "the list still carries the 2025 prices; DeepSeek maps this legacy name to deepseek-v4-flash (non-thinking), billed as Flash",
    ],
  },
  "deepseek/deepseek-reasoner": {
    match: { or: [{ equals: "deepseek-reasoner" }, { starts_with: "deepseek-r1" }] },
    contextWindow: 1_000_000,
    ...DEEPSEEK_FLASH,
    from: `${DEEPSEEK_PRICING}; https://api-docs.deepseek.com/news/news260424`,
    notes: [
      "the list still carries the 2025 prices; DeepSeek maps this legacy name to deepseek-v4-flash (thinking), billed as Flash",
    ],
  },
};

/** Prices of hand-written offerings the maintained list lacks, read by hand from the provider's price page. */
export const SUPPLEMENTS: Record<string, SnapshotPrice> = {
  "fireworks/accounts/fireworks/models/llama-v3p3-70b-instruct": {
    input: 0.9,
    output: 0.9,
    from: "https://fireworks.ai/pricing (serverless, 16.1B - 80B parameters: $0.90 per 1M tokens)",
  },
};

type Tiered = number | { base: number; tiers: { start: number; price: number }[] };
type GenaiPrices = Record<string, Tiered | undefined>;
type Constraint = { type: string; start_date?: string; start_time?: string; end_time?: string };
type Conditional = { constraint?: Constraint; prices: GenaiPrices };
type GenaiModel = Provider["models"][number];

/** genai-prices field names of the token prices we model. */
const FIELDS: [keyof TokenPrices, string][] = [
  ["input", "input_mtok"],
  ["output", "output_mtok"],
  ["cacheRead", "cache_read_mtok"],
  ["cacheWrite", "cache_write_mtok"],
  ["cacheWrite1h", "cache_write_1h_mtok"],
];

const baseOf = (value: Tiered): number => (typeof value === "number" ? value : value.base);

/** A genai-prices price set as ours: the base tier, long-context tiers, the web search fee. */
function convertPrices(prices: GenaiPrices, notes: string[]): OfferingPrices | undefined {
  if (Object.keys(prices).length === 0) {
    // The list's way of saying a model costs nothing (Gemma on the Gemini API).
    notes.push("the price list gives no token prices: free of charge");
    return { input: 0, output: 0 };
  }
  const input = prices["input_mtok"];
  const output = prices["output_mtok"];
  if (input === undefined || output === undefined) return undefined;
  const converted: OfferingPrices = { input: baseOf(input), output: baseOf(output) };
  const starts = new Set<number>();
  for (const [field, key] of FIELDS) {
    const value = prices[key];
    if (value === undefined) continue;
    converted[field] = baseOf(value);
    if (typeof value !== "number") for (const tier of value.tiers) starts.add(tier.start);
  }
  if (starts.size > 0) {
    converted.tiers = [...starts]
      .sort((a, b) => a - b)
      .map((start) => {
        const tier: PriceTier = { aboveInputTokens: start, input: 0, output: 0 };
        for (const [field, key] of FIELDS) {
          const value = prices[key];
          if (value === undefined) continue;
          tier[field] =
            typeof value === "number"
              ? value
              : (value.tiers.filter((entry) => entry.start <= start).at(-1)?.price ?? value.base);
        }
        return tier;
      });
  }
  const webSearch = prices["web_searches_kcount"];
  if (typeof webSearch === "number") converted.webSearchPerThousand = webSearch;
  for (const key of Object.keys(prices))
    if (!FIELDS.some(([, known]) => known === key) && key !== "web_searches_kcount")
      notes.push(`${key}: not modelled`);
  return converted;
}

/** `HH:MM:SSZ` -> `HH:MM`. */
const clockOf = (time: string): string => {
  if (!/^\d{2}:\d{2}:00Z$/.test(time)) throw new Error(`unsupported time of day ${time}`);
  return time.slice(0, 5);
};

/** The prices of a genai-prices model in effect on `date`, its time-of-day windows kept. */
function modelPrices(model: GenaiModel, date: string, notes: string[]): OfferingPrices | undefined {
  const entries: Conditional[] = Array.isArray(model.prices)
    ? (model.prices as Conditional[])
    : [{ prices: model.prices as GenaiPrices }];
  let chosen: GenaiPrices | undefined;
  const windows: TimeOfDayPrices[] = [];
  for (const entry of entries) {
    const constraint = entry.constraint;
    if (constraint === undefined) chosen = entry.prices;
    else if (constraint.type === "start_date" && constraint.start_date! <= date) chosen = entry.prices;
    else if (constraint.type === "time_of_date") {
      const prices = convertPrices(entry.prices, notes);
      if (prices === undefined) return undefined;
      const { tiers: _tiers, timeOfDay: _windows, webSearchPerThousand: _fee, ...tokenPrices } = prices;
      windows.push({
        from: clockOf(constraint.start_time!),
        to: clockOf(constraint.end_time!),
        ...tokenPrices,
      });
    }
  }
  if (chosen === undefined) return undefined;
  const prices = convertPrices(chosen, notes);
  if (prices !== undefined && windows.length > 0) prices.timeOfDay = windows;
  return prices;
}

/**
 * Every chat model the price data lists at the generated providers, priced on `date`, with the hand-made
 * supplements applied. Models that are not chat models (embeddings, speech, images, realtime, completions)
 * are left out by `isServedModel`.
 */
export function catalogModels(
  providerFor: (id: string) => Provider | undefined,
  date: string,
): Record<string, SnapshotModel> {
  const models: Record<string, SnapshotModel> = {};
  for (const providerName of GENERATED_PROVIDERS) {
    const provider = providerFor(GENAI_PROVIDER_IDS[providerName] ?? providerName);
    if (provider === undefined) throw new Error(`the price data has no provider '${providerName}'`);
    for (const model of provider.models) {
      if (!isServedModel(providerName, model.id)) continue;
      const key = `${providerName}/${model.id}`;
      const notes: string[] = [];
      const prices = modelPrices(model, date, notes);
      if (prices === undefined) continue; // no token prices (free or unpriced models): nothing to bill
      const entry: SnapshotModel = {
        match: model.match as ModelMatch,
        ...(model.context_window === undefined ? {} : { contextWindow: model.context_window }),
        ...prices,
        from: `genai-prices:${provider.id}/${model.id}`,
      };
      if (notes.length > 0) entry.notes = [...new Set(notes)];
      models[key] = entry;
    }
  }
  for (const [key, supplement] of Object.entries(MODEL_SUPPLEMENTS)) models[key] = supplement;
  return models;
}

/**
 * The price of every hand-written built-in offering (the providers the catalog is not generated for) on
 * `date`, looking providers up with `providerFor` (genai-prices provider ids). Throws naming every offering
 * without a price. Time-of-day variants and long-context tiers are not carried for these.
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
      const converted = modelPrices(match.model, date, notes);
      if (converted === undefined) {
        missing.push(key);
        continue;
      }
      const { tiers, timeOfDay, ...flat } = converted;
      if (tiers) notes.push("long-context tiers not modelled, base tier kept");
      if (timeOfDay) notes.push("time-of-day variants ignored: the price outside those hours is kept");
      const entry: SnapshotPrice = { ...flat, from: `genai-prices:${providerId}/${match.model.id}` };
      if (notes.length > 0) entry.notes = [...new Set(notes)];
      prices[key] = entry;
    }
  }
  if (missing.length > 0) throw new Error(`no price found for: ${missing.join(", ")}; add a supplement`);
  return prices;
}

/** The whole snapshot for `date`. */
export function buildSnapshot(
  providerFor: (id: string) => Provider | undefined,
  date: string,
  source: string,
): PriceSnapshot {
  return {
    source,
    effectiveDate: date,
    models: catalogModels(providerFor, date),
    prices: catalogPrices(providerFor, date),
  };
}
