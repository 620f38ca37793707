import type { ChatUsage, RoutingCost } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { builtInModels } from "./built-in-models";
import { computeCost, inTimeWindow } from "./cost";
import { ModelResolver } from "./resolve-model";
import type { Offering } from "./router-types";

/*
 * The hand-made part of the cost corpus: one or more cases per rule. Every expected figure is worked out
 * by hand in the comment above it, from the price page named in the case (prices per million tokens, in
 * effect on the date given), never from the code under test. A price change updates the snapshot and these
 * cases together.
 */

const resolver = new ModelResolver(builtInModels());
const offeringOf = (name: string): Offering => resolver.resolve(name).offerings[0]!;

/** A Wednesday and a Saturday, for time-of-day prices. */
const WEDNESDAY = (utc: string) => Date.parse(`2026-12-02T${utc}:00Z`);
const SATURDAY = (utc: string) => Date.parse(`2026-12-05T${utc}:00Z`);
const ANY_TIME = Date.parse("2026-12-04T12:00:00Z");

interface CostCase {
  rule: string;
  name: string;
  model: string;
  source: string;
  at: number;
  usage: ChatUsage;
  expected: RoutingCost;
}

const usage = (prompt: number, completion: number, extra: Partial<ChatUsage> = {}): ChatUsage => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  ...extra,
});

const cost = (
  usd: number,
  savings: number,
  percent: number,
  breakdown: [input: number, cached: number, write: number, output: number, fees: number],
): RoutingCost => ({
  usd,
  cache_savings_usd: savings,
  cache_savings_percent: percent,
  breakdown: {
    input: breakdown[0],
    cached_input: breakdown[1],
    cache_write: breakdown[2],
    output: breakdown[3],
    fees: breakdown[4],
  },
});

const OPENAI = "https://platform.openai.com/docs/pricing (standard tier), prices of 2026-12-04";
const ANTHROPIC = "https://docs.claude.com/en/docs/about-claude/pricing, prices of 2026-12-04";
const GOOGLE = "https://ai.google.dev/gemini-api/docs/pricing (paid tier), prices of 2026-12-04";
const DEEPSEEK = "https://api-docs.deepseek.com/quick_start/pricing, prices of 2026-12-04";

const cases: CostCase[] = [
  {
    rule: "base prices",
    name: "gpt-4o-mini: 1,000 in x $0.15 + 500 out x $0.60",
    model: "gpt-4o-mini",
    source: OPENAI,
    at: ANY_TIME,
    usage: usage(1_000, 500),
    // 1000 * 0.15 / 1e6 = 0.00015; 500 * 0.6 / 1e6 = 0.0003; total 0.00045
    expected: cost(0.00045, 0, 0, [0.00015, 0, 0, 0.0003, 0]),
  },
  {
    rule: "cached input",
    name: "gpt-4o: 800 of 1,000 prompt tokens cached at $1.25 instead of $2.50",
    model: "gpt-4o",
    source: OPENAI,
    at: ANY_TIME,
    usage: usage(1_000, 100, { prompt_tokens_details: { cached_tokens: 800 } }),
    // uncached 200 * 2.5 = 0.0005; cached 800 * 1.25 = 0.001; output 100 * 10 = 0.001; total 0.0025
    // without the cache: 1000 * 2.5 = 0.0025 + 0.001 = 0.0035; saving 0.001 = 28.57 % of 0.0035
    expected: cost(0.0025, 0.001, 28.57, [0.0005, 0.001, 0, 0.001, 0]),
  },
  {
    rule: "reasoning tokens as output",
    name: "o3: 4,000 reasoning tokens inside 5,000 completion tokens, all at $8",
    model: "o3",
    source: OPENAI,
    at: ANY_TIME,
    usage: usage(1_000, 5_000, { completion_tokens_details: { reasoning_tokens: 4_000 } }),
    // input 1000 * 2 = 0.002; output 5000 * 8 = 0.04; total 0.042
    expected: cost(0.042, 0, 0, [0.002, 0, 0, 0.04, 0]),
  },
  {
    rule: "reasoning tokens as output",
    name: "gemini-2.5-flash: 2,500 thinking tokens inside 3,000 completion tokens, all at $2.50",
    model: "gemini-2.5-flash",
    source: GOOGLE,
    at: ANY_TIME,
    usage: usage(2_000, 3_000, { completion_tokens_details: { reasoning_tokens: 2_500 } }),
    // input 2000 * 0.3 = 0.0006; output 3000 * 2.5 = 0.0075; total 0.0081
    expected: cost(0.0081, 0, 0, [0.0006, 0, 0, 0.0075, 0]),
  },
  {
    rule: "cache writes by TTL",
    name: "claude-sonnet-4-5: 2,000 tokens written for 5 minutes ($3.75), 3,000 for 1 hour ($6)",
    model: "claude-sonnet-4-5",
    source: `${ANTHROPIC}; https://docs.claude.com/en/docs/build-with-claude/prompt-caching#pricing`,
    at: ANY_TIME,
    usage: usage(10_000, 1_000, {
      prompt_tokens_details: {
        cached_tokens: 4_000,
        cache_write_tokens: 5_000,
        cache_write_1h_tokens: 3_000,
      },
    }),
    // uncached 1000 * 3 = 0.003; cached 4000 * 0.3 = 0.0012; writes 2000 * 3.75 = 0.0075 + 3000 * 6 = 0.018
    // -> 0.0255; output 1000 * 15 = 0.015; total 0.0447
    // without the cache: 10000 * 3 = 0.03 + 0.015 = 0.045; saving 0.0003 = 0.67 % of 0.045
    expected: cost(0.0447, 0.0003, 0.67, [0.003, 0.0012, 0.0255, 0.015, 0]),
  },
  {
    rule: "cache writes by TTL",
    name: "claude-sonnet-4-5: a prompt only written to the cache costs more than without it",
    model: "claude-sonnet-4-5",
    source: ANTHROPIC,
    at: ANY_TIME,
    usage: usage(10_000, 100, { prompt_tokens_details: { cache_write_tokens: 10_000 } }),
    // writes 10000 * 3.75 = 0.0375; output 100 * 15 = 0.0015; total 0.039
    // without the cache: 10000 * 3 = 0.03 + 0.0015 = 0.0315; saving -0.0075 = -23.81 % of 0.0315
    expected: cost(0.039, -0.0075, -23.81, [0, 0, 0.0375, 0.0015, 0]),
  },
  {
    rule: "long-context tier",
    name: "gemini-2.5-pro: 100,000 prompt tokens, at or below 200k, base prices",
    model: "gemini-2.5-pro",
    source: GOOGLE,
    at: ANY_TIME,
    usage: usage(100_000, 1_000),
    // 100000 * 1.25 = 0.125; 1000 * 10 = 0.01; total 0.135
    expected: cost(0.135, 0, 0, [0.125, 0, 0, 0.01, 0]),
  },
  {
    rule: "long-context tier",
    name: "gemini-2.5-pro: 250,000 prompt tokens, above 200k, every token at the long-context price",
    model: "gemini-2.5-pro",
    source: GOOGLE,
    at: ANY_TIME,
    usage: usage(250_000, 1_000, { prompt_tokens_details: { cached_tokens: 50_000 } }),
    // uncached 200000 * 2.5 = 0.5; cached 50000 * 0.25 = 0.0125; output 1000 * 15 = 0.015; total 0.5275
    // without the cache: 250000 * 2.5 = 0.625 + 0.015 = 0.64; saving 0.1125 = 17.58 % of 0.64
    expected: cost(0.5275, 0.1125, 17.58, [0.5, 0.0125, 0, 0.015, 0]),
  },
  {
    rule: "long-context tier",
    name: "claude-sonnet-4-5: 210,000 prompt tokens, above 200k: $6 in, $22.50 out",
    model: "claude-sonnet-4-5",
    source: `${ANTHROPIC}#long-context-pricing (the tier of requests made with the 1M-context beta)`,
    at: ANY_TIME,
    usage: usage(210_000, 1_000),
    // 210000 * 6 = 1.26; 1000 * 22.5 = 0.0225; total 1.2825
    expected: cost(1.2825, 0, 0, [1.26, 0, 0, 0.0225, 0]),
  },
  {
    rule: "time of day",
    name: "deepseek-v4-pro on a Wednesday at 02:00 UTC (10:00 Beijing): peak",
    model: "deepseek-v4-pro",
    source: DEEPSEEK,
    at: WEDNESDAY("02:00"),
    usage: usage(100_000, 10_000, { prompt_tokens_details: { cached_tokens: 20_000 } }),
    // uncached 80000 * 1.32 = 0.1056; cached 20000 * 0.044 = 0.00088; output 10000 * 3.96 = 0.0396
    // total 0.14608; without the cache 100000 * 1.32 = 0.132 + 0.0396 = 0.1716; saving 0.02552 = 14.87 %
    expected: cost(0.14608, 0.02552, 14.87, [0.1056, 0.00088, 0, 0.0396, 0]),
  },
  {
    rule: "time of day",
    name: "deepseek-v4-pro on a Wednesday at 05:00 UTC (13:00 Beijing, the lunch gap): off-peak",
    model: "deepseek-v4-pro",
    source: DEEPSEEK,
    at: WEDNESDAY("05:00"),
    usage: usage(100_000, 10_000, { prompt_tokens_details: { cached_tokens: 20_000 } }),
    // uncached 80000 * 0.66 = 0.0528; cached 20000 * 0.022 = 0.00044; output 10000 * 1.98 = 0.0198
    // total 0.07304; without the cache 100000 * 0.66 = 0.066 + 0.0198 = 0.0858; saving 0.01276 = 14.87 %
    expected: cost(0.07304, 0.01276, 14.87, [0.0528, 0.00044, 0, 0.0198, 0]),
  },
  {
    rule: "time of day",
    name: "deepseek-v4-pro on a Saturday at 02:00 UTC: off-peak all day at weekends",
    model: "deepseek-v4-pro",
    source: DEEPSEEK,
    at: SATURDAY("02:00"),
    usage: usage(100_000, 10_000, { prompt_tokens_details: { cached_tokens: 20_000 } }),
    // the off-peak figures of the case above
    expected: cost(0.07304, 0.01276, 14.87, [0.0528, 0.00044, 0, 0.0198, 0]),
  },
  {
    rule: "time of day",
    name: "deepseek-flash on a Wednesday at 09:59 UTC (17:59 Beijing): still peak",
    model: "deepseek-flash",
    source: DEEPSEEK,
    at: WEDNESDAY("09:59"),
    usage: usage(1_000_000, 1_000_000),
    // 1e6 * 0.3 = 0.3; 1e6 * 1.2 = 1.2; total 1.5
    expected: cost(1.5, 0, 0, [0.3, 0, 0, 1.2, 0]),
  },
  {
    rule: "time of day",
    name: "deepseek-flash on a Wednesday at 10:00 UTC (18:00 Beijing): off-peak",
    model: "deepseek-flash",
    source: DEEPSEEK,
    at: WEDNESDAY("10:00"),
    usage: usage(1_000_000, 1_000_000),
    // 1e6 * 0.15 = 0.15; 1e6 * 0.6 = 0.6; total 0.75
    expected: cost(0.75, 0, 0, [0.15, 0, 0, 0.6, 0]),
  },
  {
    rule: "server-tool fees",
    name: "claude-sonnet-4-5 with 3 web searches at $10 per 1,000",
    model: "claude-sonnet-4-5",
    source: `${ANTHROPIC}; https://docs.claude.com/en/docs/agents-and-tools/tool-use/web-search-tool (pricing)`,
    at: ANY_TIME,
    usage: usage(5_000, 500, { server_tool_use: { web_search_requests: 3 } }),
    // input 5000 * 3 = 0.015; output 500 * 15 = 0.0075; fees 3 * 10 / 1000 = 0.03; total 0.0525
    expected: cost(0.0525, 0, 0, [0.015, 0, 0, 0.0075, 0.03]),
  },
];

describe("cost corpus: hand-made usage cases", () => {
  it("has at least one case per rule", () => {
    expect(new Set(cases.map((entry) => entry.rule))).toEqual(
      new Set([
        "base prices",
        "cached input",
        "reasoning tokens as output",
        "cache writes by TTL",
        "long-context tier",
        "time of day",
        "server-tool fees",
      ]),
    );
  });

  it.each(cases)("$rule: $name", ({ model, usage: reported, at, expected }) => {
    expect(computeCost(offeringOf(model), reported, at)).toEqual(expected);
  });
});

describe("computeCost", () => {
  it("rounds to 1e-10 USD, so float noise never shows", () => {
    // 3 * 0.1 / 1e6 is 3.0000000000000004e-7 in floating point
    const result = computeCost(
      { ...offeringOf("gpt-4o"), prices: { input: 0.1, output: 0 } },
      usage(3, 0),
      ANY_TIME,
    );
    expect(result.usd).toBe(3e-7);
  });

  it("never counts more cached or written tokens than the prompt holds", () => {
    const result = computeCost(
      offeringOf("gpt-4o"),
      usage(100, 0, { prompt_tokens_details: { cached_tokens: 500, cache_write_tokens: 50 } }),
      ANY_TIME,
    );
    // all 100 cached: 100 * 1.25 / 1e6
    expect(result.usd).toBe(0.000125);
  });

  it("bills cached tokens at the input price where the offering has no cache price", () => {
    const groq = resolver.resolve("groq/llama-3.3-70b-instruct").offerings[0]!;
    // 1e6 * 0.59 + 1e6 * 0.79 = 1.38 (https://groq.com/pricing); no saving
    const result = computeCost(
      groq,
      usage(1_000_000, 1_000_000, { prompt_tokens_details: { cached_tokens: 500_000 } }),
      ANY_TIME,
    );
    expect([result.usd, result.cache_savings_usd]).toEqual([1.38, 0]);
  });
});

describe("inTimeWindow", () => {
  const window = { from: "22:00", to: "02:00", input: 1, output: 1 };
  it.each([
    ["21:59", false],
    ["22:00", true],
    ["01:59", true],
    ["02:00", false],
  ])("a window across midnight, at %s UTC: %s", (time, inside) => {
    expect(inTimeWindow(window, WEDNESDAY(time as string))).toBe(inside);
  });
});
