import type { ChatUsage, RoutingCost } from "@switchyard/core";
import type { Offering } from "./router-types";

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/** Rounds USD to 1e-10 (a tenth of a nano-dollar): below any per-token price, above float noise. */
const roundUsd = (usd: number): number => Math.round(usd * 1e10) / 1e10;
/** Rounds a percentage to two decimals. */
const roundPercent = (percent: number): number => Math.round(percent * 100) / 100;

/**
 * The cost of `usage` at the offering's prices (USD per million tokens):
 * - `prompt_tokens` includes cached and cache-written tokens; cached ones are priced at `cacheRead`, written
 *   ones at `cacheWrite`, the rest at `input` (a missing cache price falls back to `input`);
 * - `completion_tokens` includes reasoning tokens (the OpenAI convention every provider maps to), priced at
 *   `output`.
 * `cache_savings_usd` is what the cached tokens would have cost at the input price minus what they cost;
 * `cache_savings_percent` is that saving relative to the whole prompt at the input price.
 */
export function computeCost(offering: Offering, usage: ChatUsage): RoutingCost {
  const prices = offering.prices;
  const promptTokens = Math.max(0, usage.prompt_tokens);
  const cachedTokens = Math.min(promptTokens, Math.max(0, usage.prompt_tokens_details?.cached_tokens ?? 0));
  const cacheWriteTokens = Math.min(
    promptTokens - cachedTokens,
    Math.max(0, usage.prompt_tokens_details?.cache_write_tokens ?? 0),
  );
  const uncachedTokens = promptTokens - cachedTokens - cacheWriteTokens;
  const outputTokens = Math.max(0, usage.completion_tokens);

  const cacheReadPrice = prices.cacheRead ?? prices.input;
  const cacheWritePrice = prices.cacheWrite ?? prices.input;
  const usd =
    (uncachedTokens * prices.input +
      cachedTokens * cacheReadPrice +
      cacheWriteTokens * cacheWritePrice +
      outputTokens * prices.output) /
    TOKENS_PER_PRICE_UNIT;
  const savings = (cachedTokens * (prices.input - cacheReadPrice)) / TOKENS_PER_PRICE_UNIT;
  const noCacheInputCost = (promptTokens * prices.input) / TOKENS_PER_PRICE_UNIT;
  return {
    usd: roundUsd(usd),
    cache_savings_usd: roundUsd(savings),
    cache_savings_percent: noCacheInputCost > 0 ? roundPercent((savings / noCacheInputCost) * 100) : 0,
  };
}
