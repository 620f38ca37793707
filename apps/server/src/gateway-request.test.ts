import { modelNotFound } from "@switchyard/core";
import type { CanonicalModel } from "@switchyard/router";
import { describe, expect, it } from "vitest";
import { mapModelName, routeRequestOf } from "./gateway-request";

const haiku: CanonicalModel = {
  id: "claude-haiku-4-5",
  ownedBy: "anthropic",
  aliases: ["claude-haiku-4-5-20251001"],
  offerings: [],
};
const router = {
  resolve(model: string): CanonicalModel {
    if (model === haiku.id || haiku.aliases.includes(model)) return haiku;
    throw modelNotFound(model);
  },
};
const names = { aliases: { "claude-haiku-4-5": "deepseek-chat", "my-model": "gemini-2.5-flash" }, router };

describe("mapModelName", () => {
  it.each([
    ["an alias named exactly", "my-model", "gemini-2.5-flash"],
    ["a canonical id with an alias", "claude-haiku-4-5", "deepseek-chat"],
    ["the catalog's dated name of an aliased model", "claude-haiku-4-5-20251001", "deepseek-chat"],
    ["a name with no alias", "gpt-4o", "gpt-4o"],
    ["an unknown name, left for the router to report", "no-such-model", "no-such-model"],
  ])("maps %s", (_case, model, expected) => {
    expect(mapModelName(model, names)).toBe(expected);
  });

  it("maps every candidate of gateway.models the same way, on any endpoint", () => {
    const request = { gateway: { models: ["claude-haiku-4-5-20251001", "gpt-4o"] } };
    const requirements = {
      tools: false,
      parallelTools: false,
      vision: false,
      jsonSchema: false,
      logprobs: false,
      streaming: false,
      estimatedInputTokens: 10,
    };
    expect(routeRequestOf(request, "responses", requirements, names, undefined).models).toEqual([
      "deepseek-chat",
      "gpt-4o",
    ]);
  });
});
