import type { ChatUsage, RoutingCost } from "@switchyard/core";
import type { Offering, OfferingPrices, TimeOfDayPrices, TokenPrices } from "./router-types";

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/** Rounds USD to 1e-10 (a tenth of a nano-dollar): below any per-token price, above float noise. */
const roundUsd = (usd: number): number => Math.round(usd * 1e10) / 1e10;
/** Rounds a percentage to two decimals. */
const roundPercent = (percent: number): number => Math.round(percent * 100) / 100;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether the instant `at` (ms since the epoch) falls in the window, on the window's local clock. */
export function inTimeWindow(window: TimeOfDayPrices, at: number): boolean {
  const local = new Date(at + (window.utcOffsetMinutes ?? 0) * 60_000);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  if (window.weekdays !== undefined && !window.weekdays.includes(weekday)) return false;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * The token prices that apply to a request of `promptTokens` at `at`: a time-of-day window containing `at`
 * replaces the base set; otherwise the highest long-context tier whose threshold the prompt exceeds.
 */
export function pricesFor(prices: OfferingPrices, promptTokens: number, at: number): TokenPrices {
  const window = prices.timeOfDay?.find((candidate) => inTimeWindow(candidate, at));
  if (window !== undefined) return window;
  let chosen: TokenPrices = prices;
  for (const tier of prices.tiers ?? []) if (promptTokens > tier.aboveInputTokens) chosen = tier;
  return chosen;
}

/**
 * The cost of `usage` at the offering's prices (USD per million tokens) for a request made at `at`:
 * - the price set is chosen by `pricesFor` (time-of-day window, else long-context tier by prompt size);
 * - `prompt_tokens` includes cached and cache-written tokens: cached ones (`cached_tokens`) at `cacheRead`,
 *   written ones (`cache_write_tokens`) at `cacheWrite`, of which `cache_write_1h_tokens` at `cacheWrite1h`,
 *   the rest at `input` (a missing cache price falls back to `input`, a missing 1-hour one to `cacheWrite`);
 * - `completion_tokens` includes reasoning tokens (the OpenAI convention every provider maps to), at `output`;
 * - fees: `server_tool_use.web_search_requests` x `webSearchPerThousand` / 1000.
 * `cache_savings_usd` is what the request would have cost without the cache (every prompt token at `input`,
 * same output and fees) minus what it cost; `cache_savings_percent` is that saving over the cost without the
 * cache. Both are negative when cache writes cost more than the reads saved.
 */
export function computeCost(offering: Offering, usage: ChatUsage, at: number): RoutingCost {
  const promptTokens = Math.max(0, usage.prompt_tokens);
  const details = usage.prompt_tokens_details;
  const cachedTokens = Math.min(promptTokens, Math.max(0, details?.cached_tokens ?? 0));
  const cacheWriteTokens = Math.min(
    promptTokens - cachedTokens,
    Math.max(0, details?.cache_write_tokens ?? 0),
  );
  const hourWriteTokens = Math.min(cacheWriteTokens, Math.max(0, details?.cache_write_1h_tokens ?? 0));
  const uncachedTokens = promptTokens - cachedTokens - cacheWriteTokens;
  const outputTokens = Math.max(0, usage.completion_tokens);
  const webSearches = Math.max(0, usage.server_tool_use?.web_search_requests ?? 0);

  const prices = pricesFor(offering.prices, promptTokens, at);
  const cacheReadPrice = prices.cacheRead ?? prices.input;
  const cacheWritePrice = prices.cacheWrite ?? prices.input;
  const hourWritePrice = prices.cacheWrite1h ?? cacheWritePrice;
  const input = (uncachedTokens * prices.input) / TOKENS_PER_PRICE_UNIT;
  const cachedInput = (cachedTokens * cacheReadPrice) / TOKENS_PER_PRICE_UNIT;
  const cacheWrite =
    ((cacheWriteTokens - hourWriteTokens) * cacheWritePrice + hourWriteTokens * hourWritePrice) /
    TOKENS_PER_PRICE_UNIT;
  const output = (outputTokens * prices.output) / TOKENS_PER_PRICE_UNIT;
  const fees = (webSearches * (offering.prices.webSearchPerThousand ?? 0)) / 1000;
  const usd = input + cachedInput + cacheWrite + output + fees;
  const withoutCache = (promptTokens * prices.input) / TOKENS_PER_PRICE_UNIT + output + fees;
  const savings = withoutCache - usd;
  return {
    usd: roundUsd(usd),
    cache_savings_usd: roundUsd(savings),
    cache_savings_percent: withoutCache > 0 ? roundPercent((savings / withoutCache) * 100) : 0,
    breakdown: {
      input: roundUsd(input),
      cached_input: roundUsd(cachedInput),
      cache_write: roundUsd(cacheWrite),
      output: roundUsd(output),
      fees: roundUsd(fees),
    },
  };
}
