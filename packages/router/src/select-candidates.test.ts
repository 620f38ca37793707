import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import type { HealthEstimate } from "./health-tracker";
import type { CanonicalModel, RouteRequest } from "./router-types";
import { selectCandidates } from "./select-candidates";
import { model, offering, requirements } from "./test-helpers";

// Three offerings of one model: groq is cheapest but slow to start, together starts fastest, fireworks
// streams fastest. Prices are USD per million tokens.
const catalog: CanonicalModel[] = [
  model("m", [
    offering("groq", "m", {
      prices: { input: 0.5, output: 0.5 },
      capabilities: { ...offering("x", "m").capabilities, logprobs: false },
    }),
    offering("together", "m", { prices: { input: 2, output: 2 }, contextWindow: 8_000 }),
    offering("fireworks", "m", { prices: { input: 3, output: 6 }, maxOutputTokens: 2_000 }),
  ]),
];
const health: Record<string, Omit<HealthEstimate, "observed">> = {
  "groq:m@groq": { ttftMs: 900, tokensPerSecond: 100, errorRate: 0 },
  "together:m@together": { ttftMs: 100, tokensPerSecond: 80, errorRate: 0 },
  "fireworks:m@fireworks": { ttftMs: 400, tokensPerSecond: 500, errorRate: 0 },
};
const context = {
  providers: new Set(["groq", "together", "fireworks", "openai", "azure"]),
  capabilities: (provider: string) =>
    provider === "openai" ? { chatForResponsesOnlyModels: true } : undefined,
  health: (key: string) => ({
    ...(health[key] ?? { ttftMs: 250, tokensPerSecond: 200, errorRate: 0 }),
    observed: true,
  }),
  random: () => 0.5,
};
const route = (fields: Partial<RouteRequest> = {}): RouteRequest => ({
  model: "m",
  endpoint: "chat",
  requirements: requirements(),
  ...fields,
});
const order = (request: RouteRequest, models = catalog, ctx = context) =>
  selectCandidates(models, request, ctx).candidates.map((candidate) => candidate.offering.provider);

describe("selectCandidates: objectives", () => {
  const cases = [
    // cost with 100 input + 500 output tokens: groq 0.0003, together 0.0012, fireworks 0.0033 USD
    { objective: "cost", expected: ["groq", "together", "fireworks"] },
    { objective: "latency", expected: ["together", "fireworks", "groq"] },
    { objective: "throughput", expected: ["fireworks", "groq", "together"] },
    // balanced = 0.4 cost/cheapest + 0.3 ttft/fastest + 0.3 fastest-speed/speed:
    // groq 0.4*1 + 0.3*9 + 0.3*5 = 4.6; together 0.4*4 + 0.3*1 + 0.3*6.25 = 3.775;
    // fireworks 0.4*11 + 0.3*4 + 0.3*1 = 5.9
    { objective: "balanced", expected: ["together", "groq", "fireworks"] },
  ] as const;
  it.each(cases)("$objective orders $expected", ({ objective, expected }) => {
    const selection = selectCandidates(catalog, route({ routing: { optimize: objective } }), context);
    expect(selection.candidates.map((candidate) => candidate.offering.provider)).toEqual(expected);
    expect(selection.strategy).toBe(objective);
  });

  it("defaults to balanced", () => {
    expect(selectCandidates(catalog, route(), context).strategy).toBe("balanced");
    expect(order(route())).toEqual(["together", "groq", "fireworks"]);
  });

  it("counts failures against an offering", () => {
    const failing = {
      ...context,
      health: (key: string) => ({ ...context.health(key), errorRate: key.startsWith("groq") ? 0.9 : 0 }),
    };
    // groq's cost is divided by a success rate of 0.1: 0.003 USD, more than together's 0.0012
    expect(order(route({ routing: { optimize: "cost" } }), catalog, failing)).toEqual([
      "together",
      "groq",
      "fireworks",
    ]);
  });

  it("breaks exact ties with the injected random", () => {
    const twins = [model("t", [offering("groq", "t"), offering("together", "t")])];
    const draws = (values: number[]) => {
      let index = 0;
      return {
        ...context,
        health: () => ({ ttftMs: 250, tokensPerSecond: 200, errorRate: 0, observed: false }),
        random: () => values[index++]!,
      };
    };
    expect(order(route({ model: "t" }), twins, draws([0.9, 0.1]))).toEqual(["together", "groq"]);
    expect(order(route({ model: "t" }), twins, draws([0.1, 0.9]))).toEqual(["groq", "together"]);
  });
});

describe("selectCandidates: several models", () => {
  const two = [
    model("big", [offering("openai", "big", { prices: { input: 10, output: 30 } })]),
    model("small", [offering("groq", "small", { prices: { input: 0.1, output: 0.1 } })]),
  ];
  it("keeps the request's model order without an explicit objective", () => {
    expect(order(route({ model: undefined, models: ["big", "small"] }), two)).toEqual(["openai", "groq"]);
  });
  it("ranks across models with an explicit objective", () => {
    expect(
      order(route({ model: undefined, models: ["big", "small"], routing: { optimize: "cost" } }), two),
    ).toEqual(["groq", "openai"]);
  });
});

describe("selectCandidates: filters and limits", () => {
  const caps = offering("x", "m").capabilities;
  const limited = [
    model("m", [
      offering("groq", "m", {
        capabilities: { ...caps, tools: false, vision: false },
        prices: { input: 0.5, output: 0.5 },
      }),
      offering("together", "m", {
        capabilities: { ...caps, jsonSchema: false, logprobs: false, parallelTools: false },
        prices: { input: 2, output: 2 },
        contextWindow: 8_000,
      }),
      offering("fireworks", "m", {
        capabilities: { ...caps, streaming: false },
        prices: { input: 3, output: 6 },
        maxOutputTokens: 2_000,
      }),
    ]),
  ];
  const cases: { name: string; request: Partial<RouteRequest>; expected: string[] }[] = [
    {
      name: "tools",
      request: { requirements: requirements({ tools: true }) },
      expected: ["together", "fireworks"],
    },
    {
      name: "parallel tools",
      request: { requirements: requirements({ tools: true, parallelTools: true }) },
      expected: ["fireworks"],
    },
    {
      name: "vision",
      request: { requirements: requirements({ vision: true }) },
      expected: ["together", "fireworks"],
    },
    {
      name: "json_schema",
      request: { requirements: requirements({ jsonSchema: true }) },
      expected: ["groq", "fireworks"],
    },
    {
      name: "logprobs, preferred while an offering has them",
      request: { requirements: requirements({ logprobs: true }) },
      expected: ["groq", "fireworks"],
    },
    {
      // A parameter is never a reason to refuse: without a logprobs offering, the provider drops it and warns.
      name: "logprobs when no candidate has them",
      request: { requirements: requirements({ logprobs: true }), routing: { providers: ["together"] } },
      expected: ["together"],
    },
    {
      name: "streaming",
      request: { requirements: requirements({ streaming: true }) },
      expected: ["groq", "together"],
    },
    {
      name: "context length",
      request: { requirements: requirements({ estimatedInputTokens: 9_000 }) },
      expected: ["groq", "fireworks"],
    },
    {
      name: "input plus requested output exceed the context",
      request: { requirements: requirements({ estimatedInputTokens: 7_000, maxOutputTokens: 1_500 }) },
      expected: ["groq", "fireworks"],
    },
    {
      name: "requested output above the model's maximum",
      request: { requirements: requirements({ maxOutputTokens: 3_000 }) },
      expected: ["groq", "together"],
    },
    {
      name: "allowed providers",
      request: { routing: { providers: ["fireworks", "together"] } },
      expected: ["together", "fireworks"],
    },
    {
      name: "excluded providers",
      request: { routing: { exclude_providers: ["groq"] } },
      expected: ["together", "fireworks"],
    },
    { name: "max input price", request: { routing: { max_input_price: 2 } }, expected: ["groq", "together"] },
    { name: "max output price", request: { routing: { max_output_price: 1 } }, expected: ["groq"] },
    { name: "max_ttft_ms", request: { routing: { max_ttft_ms: 500 } }, expected: ["together", "fireworks"] },
  ];
  it.each(cases)("$name", ({ request, expected }) => {
    const result = order(
      route({
        routing: { optimize: "cost", ...request.routing },
        ...(request.requirements && { requirements: request.requirements }),
      }),
      limited,
    );
    expect(result).toEqual(expected);
  });

  it("serves a Responses-only offering on chat only where the provider declares it translates", () => {
    const responsesOnly = [
      model("pro", [
        offering("openai", "pro", { endpoints: ["responses"] }),
        offering("azure", "pro", { endpoints: ["responses"] }),
      ]),
    ];
    expect(order(route({ model: "pro", endpoint: "chat" }), responsesOnly)).toEqual(["openai"]);
    expect(
      order(
        route({ model: "pro", endpoint: "responses", routing: { optimize: "cost" } }),
        responsesOnly,
      ).sort(),
    ).toEqual(["azure", "openai"]);
  });

  it("skips offerings of providers that are not configured, and answers 404 when none is", () => {
    const partial = { ...context, providers: new Set(["fireworks"]) };
    expect(order(route(), catalog, partial)).toEqual(["fireworks"]);
    const none = { ...context, providers: new Set<string>() };
    expect(() => selectCandidates(catalog, route(), none)).toThrow(
      expect.objectContaining({ status: 404, code: "model_not_found" }),
    );
  });

  it("answers 400 no_eligible_provider with every reason when nothing is left", () => {
    let caught: unknown;
    try {
      selectCandidates(catalog, route({ routing: { max_input_price: 0.1 } }), context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GatewayError);
    const error = caught as GatewayError;
    expect(error.status).toBe(400);
    expect(error.code).toBe("no_eligible_provider");
    expect(error.message).toContain("groq/m: input price 0.5 > max_input_price 0.1");
    expect(error.message).toContain("fireworks/m: input price 3 > max_input_price 0.1");
  });
});
