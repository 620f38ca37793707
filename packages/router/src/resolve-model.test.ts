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
    { name: "claude-sonnet-4-0", id: "claude-sonnet-4-20250514", providers: ["anthropic"] },
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
