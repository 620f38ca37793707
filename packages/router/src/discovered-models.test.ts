import { describe, expect, it } from "vitest";
import { mergeAddedModels } from "./add-models";
import { builtInModels } from "./built-in-models";
import { discoveredModels } from "./discovered-models";
import { ModelResolver } from "./resolve-model";
import { model, offering } from "./test-helpers";

const catalog = builtInModels();

describe("discoveredModels", () => {
  it("adds what a local server reports, unpriced, with no catalog entry needed", () => {
    const added = discoveredModels(catalog, "local", [
      { id: "my-local-model-a" },
      { id: "my-local-model-b", contextWindow: 32_768 },
    ]);
    expect(added.map((entry) => entry.id)).toEqual(["my-local-model-a", "my-local-model-b"]);
    const [first, second] = added.map((entry) => entry.offerings[0]!);
    expect([first!.provider, first!.providerModelId, first!.unpriced, first!.source]).toEqual([
      "local",
      "my-local-model-a",
      true,
      "discovered",
    ]);
    // vLLM gives only its context length: the output may take all of it
    expect([second!.contextWindow, second!.maxOutputTokens]).toEqual([32_768, 32_768]);
  });

  it("leaves out what the catalog already serves at that provider: ids, versions and aliases", () => {
    const listed = [{ id: "gpt-4o" }, { id: "gpt-4o-2024-08-06" }, { id: "GPT-4O-MINI" }];
    expect(discoveredModels(catalog, "openai", listed)).toEqual([]);
  });

  it("prices a new snapshot that a catalog model's price rule matches", () => {
    const [added] = discoveredModels(catalog, "anthropic", [
      { id: "claude-sonnet-4-5-20991231", maxOutputTokens: 64_000 },
    ]);
    const entry = added!.offerings[0]!;
    expect([entry.providerModelId, entry.unpriced, entry.prices.input, entry.source]).toEqual([
      "claude-sonnet-4-5-20991231",
      undefined,
      3,
      "discovered",
    ]);
  });

  it("takes the limits and capabilities the list gives", () => {
    const [added] = discoveredModels(catalog, "anthropic", [
      {
        id: "claude-new-model",
        contextWindow: 500_000,
        maxOutputTokens: 50_000,
        vision: false,
        reasoning: true,
      },
    ]);
    const entry = added!.offerings[0]!;
    expect([
      entry.contextWindow,
      entry.maxOutputTokens,
      entry.capabilities.vision,
      entry.capabilities.reasoning,
    ]).toEqual([500_000, 50_000, false, true]);
  });
});

describe("mergeAddedModels", () => {
  const base = [model("alpha", [offering("groq", "alpha")], ["alpha-alias"])];

  it("adds a new model and lends the offering of a known name to that model", () => {
    const merged = mergeAddedModels(base, [
      model("beta", [offering("local", "beta")]),
      model("alpha-alias", [offering("local", "alpha-alias", { providerModelId: "alpha-alias" })]),
    ]);
    expect(merged.models.map((entry) => [entry.id, entry.offerings.map((item) => item.provider)])).toEqual([
      ["alpha", ["groq", "local"]],
      ["beta", ["local"]],
    ]);
    expect(merged.models[0]!.offerings[1]!.canonicalId).toBe("alpha");
    expect(merged.added.map((entry) => entry.id)).toEqual(["beta", "alpha"]);
    expect(base[0]!.offerings).toHaveLength(1);
  });

  it("adds nothing for a provider the model already has", () => {
    expect(mergeAddedModels(base, [model("alpha", [offering("groq", "alpha")])]).added).toEqual([]);
  });

  it("makes discovered models resolvable", () => {
    const merged = mergeAddedModels(
      catalog,
      discoveredModels(catalog, "local", [{ id: "my-local-model-a" }]),
    );
    const resolved = new ModelResolver(merged.models).resolve("my-local-model-a");
    expect(resolved.offerings.map((entry) => entry.provider)).toEqual(["local"]);
  });
});
