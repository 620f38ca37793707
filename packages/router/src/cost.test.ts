import { describe, expect, it } from "vitest";
import { builtInModels } from "./built-in-models";
import { computeCost } from "./cost";
import type { Offering } from "./router-types";

const offeringOf = (id: string, provider?: string): Offering => {
  const model = builtInModels().find((candidate) => candidate.id === id)!;
  return provider
    ? model.offerings.find((candidate) => candidate.provider === provider)!
    : model.offerings[0]!;
};

// Published prices per million tokens (input / cached input / cache write / output):
// gpt-4o $2.50 / $1.25 / - / $10 (https://platform.openai.com/docs/pricing);
// claude-sonnet-4-6 $3 / $0.30 / $3.75 / $15 (https://docs.claude.com/en/docs/about-claude/pricing);
// gemini-2.5-flash $0.30 / $0.03 / - / $2.50 (https://ai.google.dev/gemini-api/docs/pricing);
// gpt-5-mini $0.25 / $0.025 / - / $2; groq llama-3.3-70b-versatile $0.59 / - / - / $0.79 (https://groq.com/pricing).
describe("computeCost, checked by hand against published prices", () => {
  const cases = [
    {
      name: "gpt-4o, no cache: 1,000 in x $2.50 + 500 out x $10",
      offering: () => offeringOf("gpt-4o"),
      usage: { prompt_tokens: 1_000, completion_tokens: 500, total_tokens: 1_500 },
      // 1000 * 2.5 / 1e6 = 0.0025; 500 * 10 / 1e6 = 0.005; total 0.0075
      expected: { usd: 0.0075, cache_savings_usd: 0, cache_savings_percent: 0 },
    },
    {
      name: "gpt-4o, 800 of 1,000 prompt tokens cached",
      offering: () => offeringOf("gpt-4o"),
      usage: {
        prompt_tokens: 1_000,
        completion_tokens: 100,
        total_tokens: 1_100,
        prompt_tokens_details: { cached_tokens: 800 },
      },
      // uncached 200 * 2.5 = 500e-6; cached 800 * 1.25 = 1000e-6; output 100 * 10 = 1000e-6 -> 0.0025
      // savings 800 * (2.5 - 1.25) = 1000e-6 = 0.001; no-cache input 1000 * 2.5 = 0.0025 -> 40 %
      expected: { usd: 0.0025, cache_savings_usd: 0.001, cache_savings_percent: 40 },
    },
    {
      name: "claude-sonnet-4-6 with cache reads and writes",
      offering: () => offeringOf("claude-sonnet-4-6"),
      usage: {
        prompt_tokens: 10_000,
        completion_tokens: 1_000,
        total_tokens: 11_000,
        prompt_tokens_details: { cached_tokens: 6_000, cache_write_tokens: 3_000 },
      },
      // uncached 1000 * 3 = 3000e-6; cached 6000 * 0.3 = 1800e-6; written 3000 * 3.75 = 11250e-6;
      // output 1000 * 15 = 15000e-6 -> 31050e-6 = 0.03105
      // savings 6000 * (3 - 0.3) = 16200e-6 = 0.0162; no-cache input 10000 * 3 = 0.03 -> 54 %
      expected: { usd: 0.03105, cache_savings_usd: 0.0162, cache_savings_percent: 54 },
    },
    {
      name: "gemini-2.5-flash with reasoning tokens billed as output",
      offering: () => offeringOf("gemini-2.5-flash"),
      usage: {
        prompt_tokens: 2_000,
        completion_tokens: 3_000,
        total_tokens: 5_000,
        completion_tokens_details: { reasoning_tokens: 2_500 },
      },
      // input 2000 * 0.3 = 600e-6; output (500 visible + 2500 reasoning) 3000 * 2.5 = 7500e-6 -> 0.0081
      expected: { usd: 0.0081, cache_savings_usd: 0, cache_savings_percent: 0 },
    },
    {
      name: "gpt-5-mini, fully cached prompt",
      offering: () => offeringOf("gpt-5-mini"),
      usage: {
        prompt_tokens: 4_000,
        completion_tokens: 200,
        total_tokens: 4_200,
        prompt_tokens_details: { cached_tokens: 4_000 },
      },
      // cached 4000 * 0.025 = 100e-6; output 200 * 2 = 400e-6 -> 0.0005
      // savings 4000 * (0.25 - 0.025) = 900e-6 = 0.0009; no-cache input 4000 * 0.25 = 0.001 -> 90 %
      expected: { usd: 0.0005, cache_savings_usd: 0.0009, cache_savings_percent: 90 },
    },
    {
      name: "llama-3.3-70b at groq, cached tokens but no cache price: billed at the input price",
      offering: () => offeringOf("llama-3.3-70b-instruct", "groq"),
      usage: {
        prompt_tokens: 1_000_000,
        completion_tokens: 1_000_000,
        total_tokens: 2_000_000,
        prompt_tokens_details: { cached_tokens: 500_000 },
      },
      // 1e6 * 0.59 + 1e6 * 0.79 = 1.38 USD; no saving
      expected: { usd: 1.38, cache_savings_usd: 0, cache_savings_percent: 0 },
    },
  ];
  it.each(cases)("$name", ({ offering, usage, expected }) => {
    expect(computeCost(offering(), usage)).toEqual(expected);
  });

  it("rounds to 1e-10 USD, so float noise never shows", () => {
    // 3 * 0.1 / 1e6 is 3.0000000000000004e-7 in floating point
    const cost = computeCost(
      { ...offeringOf("gpt-4o"), prices: { input: 0.1, output: 0 } },
      { prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 },
    );
    expect(cost.usd).toBe(3e-7);
  });

  it("never counts more cached or written tokens than the prompt holds", () => {
    const cost = computeCost(offeringOf("gpt-4o"), {
      prompt_tokens: 100,
      completion_tokens: 0,
      total_tokens: 100,
      prompt_tokens_details: { cached_tokens: 500 },
    });
    // all 100 cached: 100 * 1.25 / 1e6
    expect(cost.usd).toBe(0.000125);
  });
});
