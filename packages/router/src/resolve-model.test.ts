import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { builtInModels } from "./built-in-models";
import { editDistance } from "./edit-distance";
import { MAX_SUGGESTED_NAME_LENGTH, ModelResolver } from "./resolve-model";

const resolver = new ModelResolver(builtInModels());

function notFound(name: string): GatewayError {
  try {
    resolver.resolve(name);
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error(`expected '${name}' not to resolve`);
}

describe("ModelResolver", () => {
  const found = [
    { name: "claude-sonnet-4-6", id: "claude-sonnet-4-6", providers: ["anthropic"] },
    { name: "Claude-Sonnet-4-6", id: "claude-sonnet-4-6", providers: ["anthropic"] },
    { name: "claude-sonnet-4-0", id: "claude-sonnet-4-0", providers: ["anthropic"] },
    { name: "claude-sonnet-4", id: "claude-sonnet-4-0", providers: ["anthropic"] },
    { name: "gemini-2.0-flash", id: "gemini-2.0-flash", providers: ["google"] },
    { name: "deepseek-reasoner", id: "deepseek-reasoner", providers: ["deepseek"] },
    { name: "o4-mini", id: "o4-mini", providers: ["openai"] },
    {
      name: "llama-3.3-70b-instruct",
      id: "llama-3.3-70b-instruct",
      providers: ["groq", "together", "fireworks"],
    },
    { name: "groq/llama-3.3-70b-instruct", id: "llama-3.3-70b-instruct", providers: ["groq"] },
    { name: "together/llama-3.3-70b", id: "llama-3.3-70b-instruct", providers: ["together"] },
    { name: "llama-3.3-70b-versatile", id: "llama-3.3-70b-instruct", providers: ["groq"] },
    {
      name: "fireworks/accounts/fireworks/models/llama-v3p3-70b-instruct",
      id: "llama-3.3-70b-instruct",
      providers: ["fireworks"],
    },
    { name: "qwen/qwen3-32b", id: "qwen3-32b", providers: ["groq"] },
    { name: "openai/gpt-4o", id: "gpt-4o", providers: ["openai"] },
  ];
  it.each(found)("resolves $name to $id at $providers", ({ name, id, providers }) => {
    const resolved = resolver.resolve(name);
    expect(resolved.id).toBe(id);
    expect(resolved.offerings.map((offering) => offering.provider)).toEqual(providers);
  });

  const missing = [
    { name: "gpt-4oo", suggestions: ["'gpt-4o'"] },
    { name: "claude-sonet-4-6", suggestions: ["'claude-sonnet-4-6'"] },
    { name: "anthropic/gpt-4o", suggestions: ["'openai/gpt-4o'"] },
    { name: "groq/gpt-4o", suggestions: ["'openai/gpt-4o'"] },
  ];
  it.each(missing)(
    "answers 404 model_not_found for $name, suggesting $suggestions",
    ({ name, suggestions }) => {
      const error = notFound(name);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error.status).toBe(404);
      expect(error.code).toBe("model_not_found");
      expect(error.param).toBe("model");
      for (const suggestion of suggestions) expect(error.message).toContain(suggestion);
    },
  );

  it("suggests nothing for a name far from every model", () => {
    expect(notFound("completely-unrelated-thing").message).not.toContain("Did you mean");
  });

  it("neither searches for nor echoes a name longer than MAX_SUGGESTED_NAME_LENGTH", () => {
    const long = `gpt-4o${"x".repeat(100_000)}`;
    const error = notFound(long);
    expect(error.message).not.toContain("Did you mean");
    expect(error.message).toContain(`'${long.slice(0, MAX_SUGGESTED_NAME_LENGTH)}…'`);
    expect(error.message.length).toBeLessThan(MAX_SUGGESTED_NAME_LENGTH + 200);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["gpt-4o", "gpt-4o", 0],
    ["gpt-4o", "gpt-40", 1],
  ] as const)("%s -> %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe("ModelResolver: ids sent as the client wrote them", () => {
  const sent = [
    // a dated snapshot the price data names exactly
    { name: "gpt-4o-2024-08-06", id: "gpt-4o", provider: "openai", sentAs: "gpt-4o-2024-08-06" },
    // a dated snapshot from Anthropic's model overview
    {
      name: "claude-sonnet-4-5-20250929",
      id: "claude-sonnet-4-5",
      provider: "anthropic",
      sentAs: "claude-sonnet-4-5-20250929",
    },
    // a snapshot no list names, matched by the price data's prefix rule of claude-sonnet-4-5
    {
      name: "claude-sonnet-4-5-20991231",
      id: "claude-sonnet-4-5",
      provider: "anthropic",
      sentAs: "claude-sonnet-4-5-20991231",
    },
    {
      name: "anthropic/claude-sonnet-4-5-20250929",
      id: "claude-sonnet-4-5",
      provider: "anthropic",
      sentAs: "claude-sonnet-4-5-20250929",
    },
    // canonical ids and real provider aliases go as they are
    { name: "gpt-4o", id: "gpt-4o", provider: "openai", sentAs: "gpt-4o" },
    { name: "claude-haiku-4-5", id: "claude-haiku-4-5", provider: "anthropic", sentAs: "claude-haiku-4-5" },
    // a gateway-invented alias is rewritten to the canonical id
    { name: "gemini-3-pro", id: "gemini-3-pro-preview", provider: "google", sentAs: "gemini-3-pro-preview" },
  ];
  it.each(sent)("$name goes to $provider as $sentAs", ({ name, id, provider, sentAs }) => {
    const resolved = resolver.resolve(name);
    expect(resolved.id).toBe(id);
    expect(resolved.offerings.map((offering) => [offering.provider, offering.providerModelId])).toEqual([
      [provider, sentAs],
    ]);
    expect(resolved.offerings[0]!.unpriced).toBeUndefined();
  });
});

describe("ModelResolver: provider/unknown-model", () => {
  const passing = new ModelResolver(builtInModels(), { passThroughProviders: new Set(["openai", "local"]) });

  it("sends a model the catalog does not know to a pass-through provider as given, unpriced", () => {
    const resolved = passing.resolve("openai/some-model-nobody-knows");
    const offering = resolved.offerings[0]!;
    expect([offering.provider, offering.providerModelId, offering.unpriced, offering.source]).toEqual([
      "openai",
      "some-model-nobody-knows",
      true,
      "pass-through",
    ]);
  });

  it("prices a pass-through id the price data knows", () => {
    const offering = passing.resolve("openai/gpt-4o-2024-11-20").offerings[0]!;
    expect([offering.providerModelId, offering.unpriced, offering.prices.input]).toEqual([
      "gpt-4o-2024-11-20",
      undefined,
      2.5,
    ]);
  });

  it("takes a provider the catalog has no model of (a local server)", () => {
    expect(passing.resolve("local/my-model").offerings[0]!.provider).toBe("local");
  });

  it("still answers model_not_found for an unknown bare id, with suggestions", () => {
    expect(() => passing.resolve("some-model-nobody-knows")).toThrow(GatewayError);
    try {
      passing.resolve("gpt-4o-mimi");
    } catch (error) {
      expect((error as GatewayError).status).toBe(404);
      expect((error as GatewayError).message).toContain("'gpt-4o-mini'");
    }
  });

  it("does not pass through to a provider that is not configured", () => {
    expect(() => passing.resolve("groq/some-model-nobody-knows")).toThrow(GatewayError);
  });
});
