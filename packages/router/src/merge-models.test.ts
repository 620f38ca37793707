import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInModels } from "./built-in-models";
import { CatalogError } from "./catalog-schema";
import { mergeModels } from "./merge-models";
import { model, offering } from "./test-helpers";

const base = () => [
  model("alpha", [offering("openai", "alpha"), offering("groq", "alpha")], ["alpha-latest"]),
  model("beta", [offering("anthropic", "beta")]),
];

describe("mergeModels", () => {
  it("returns a copy of the base without overrides", () => {
    const original = base();
    const merged = mergeModels(original, undefined);
    expect(merged).toEqual(original);
    merged[0]!.offerings[0]!.prices.input = 42;
    expect(original[0]!.offerings[0]!.prices.input).toBe(1);
  });

  it("patches an offering key by key and extends aliases", () => {
    const merged = mergeModels(base(), {
      models: [{ id: "alpha", aliases: ["a"], offerings: [{ provider: "groq", prices: { input: 0.5 } }] }],
    });
    const alpha = merged.find((entry) => entry.id === "alpha")!;
    expect(alpha.aliases).toEqual(["alpha-latest", "a"]);
    expect(alpha.offerings[1]!.prices).toEqual({ input: 0.5, output: 2 });
    expect(alpha.offerings[1]!.contextWindow).toBe(100_000);
  });

  it("adds a model with a new offering, filling defaults", () => {
    const merged = mergeModels(base(), {
      models: [
        {
          id: "local-llama",
          ownedBy: "meta",
          offerings: [
            {
              provider: "vllm",
              providerModelId: "meta-llama/Llama-3.3-70B-Instruct",
              prices: { input: 0, output: 0 },
              contextWindow: 32_768,
              maxOutputTokens: 4_096,
              capabilities: { tools: true },
            },
          ],
        },
      ],
    });
    const added = merged.at(-1)!;
    expect(added.offerings[0]).toEqual({
      canonicalId: "local-llama",
      provider: "vllm",
      providerModelId: "meta-llama/Llama-3.3-70B-Instruct",
      prices: { input: 0, output: 0 },
      contextWindow: 32_768,
      maxOutputTokens: 4_096,
      capabilities: {
        tools: true,
        parallelTools: false,
        vision: false,
        jsonSchema: false,
        reasoning: false,
        streaming: true,
        logprobs: false,
      },
      endpoints: ["chat"],
    });
  });

  it("removes models and offerings, and replaces a model outright", () => {
    const merged = mergeModels(base(), {
      remove: ["beta"],
      models: [{ id: "alpha", offerings: [{ provider: "groq", remove: true }] }],
    });
    expect(merged.map((entry) => entry.id)).toEqual(["alpha"]);
    expect(merged[0]!.offerings.map((entry) => entry.provider)).toEqual(["openai"]);

    const replaced = mergeModels(base(), {
      models: [
        {
          id: "beta",
          replace: true,
          offerings: [
            { provider: "google", prices: { input: 1, output: 1 }, contextWindow: 10, maxOutputTokens: 5 },
          ],
        },
      ],
    });
    expect(replaced[1]!.offerings.map((entry) => entry.provider)).toEqual(["google"]);
    expect(replaced[1]!.ownedBy).toBe("system");
  });

  const invalid = [
    {
      name: "a misspelled key",
      overrides: { models: [{ id: "alpha", offerings: [{ provider: "groq", contextWindw: 5 }] }] },
      key: "models[0].offerings[0].contextWindw",
    },
    {
      name: "a wrong type",
      overrides: { models: [{ id: "alpha", offerings: [{ provider: "groq", prices: { input: "cheap" } }] }] },
      key: "models[0].offerings[0].prices.input",
    },
    {
      name: "a negative price",
      overrides: { models: [{ id: "alpha", offerings: [{ provider: "groq", prices: { output: -1 } }] }] },
      key: "models[0].offerings[0].prices.output",
    },
    {
      name: "a new offering without prices",
      overrides: {
        models: [{ id: "alpha", offerings: [{ provider: "xai", contextWindow: 10, maxOutputTokens: 5 }] }],
      },
      key: "models[0].offerings[0].prices.input",
    },
    {
      name: "a new offering without a context window",
      overrides: {
        models: [
          {
            id: "gamma",
            offerings: [{ provider: "xai", prices: { input: 1, output: 1 }, maxOutputTokens: 5 }],
          },
        ],
      },
      key: "models[0].offerings[0].contextWindow",
    },
    {
      name: "a new model without offerings",
      overrides: { models: [{ id: "gamma" }] },
      key: "models[0].offerings",
    },
    { name: "an unknown top-level key", overrides: { model: [] }, key: "model" },
    { name: "removing an unknown model", overrides: { remove: ["zeta"] }, key: "remove[0]" },
    {
      name: "removing an absent offering",
      overrides: { models: [{ id: "beta", offerings: [{ provider: "groq", remove: true }] }] },
      key: "models[0].offerings[0].provider",
    },
    {
      name: "an alias taken by another model",
      overrides: { models: [{ id: "beta", aliases: ["alpha-latest"] }] },
      key: "models.beta",
    },
    {
      name: "an unknown endpoint",
      overrides: { models: [{ id: "alpha", offerings: [{ provider: "groq", endpoints: ["completions"] }] }] },
      key: "models[0].offerings[0].endpoints[0]",
    },
  ];
  it.each(invalid)("rejects $name, naming $key", ({ overrides, key }) => {
    let caught: unknown;
    try {
      mergeModels(base(), overrides);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogError);
    expect((caught as CatalogError).key).toBe(key);
    expect((caught as CatalogError).message.startsWith(`${key}: `)).toBe(true);
  });
});

describe("the README's config example", () => {
  it("merges into the built-in catalog", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!) as { catalog: unknown };
    const merged = mergeModels(builtInModels(), example.catalog);
    expect(merged.find((entry) => entry.id === "gpt-4o")).toBeUndefined();
    const llama = merged.find((entry) => entry.id === "llama-3.3-70b-instruct")!;
    expect(llama.aliases).toContain("llama-70b");
    expect(llama.offerings.map((entry) => `${entry.provider}:${entry.prices.input}`)).toEqual([
      "groq:0.5",
      "together:0.88",
      "vllm:0",
    ]);
  });
});
