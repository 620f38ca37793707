import { findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { catalogModels, catalogPrices } from "../scripts/genai-price-lookup";
import { builtInModels, PRICE_SNAPSHOT } from "./built-in-models";
import { CanonicalModelSchema } from "./catalog-schema";
import { mergeModels } from "./merge-models";
import { ModelResolver } from "./resolve-model";

describe("builtInModels", () => {
  const models = builtInModels();
  const resolver = new ModelResolver(models);

  it("validates against the catalog schema and has unique names", () => {
    for (const model of models) expect(CanonicalModelSchema.safeParse(model).error).toBeUndefined();
    // mergeModels checks id and alias uniqueness.
    expect(() => mergeModels(models, {})).not.toThrow();
  });

  it.each([
    "gpt-4o",
    "gpt-4.1",
    "gpt-5",
    "gpt-5-mini",
    "gpt-5.1",
    "gpt-5.2",
    "gpt-5.4",
    "gpt-5.5",
    "o3-pro",
    "gpt-5.5-pro",
    "claude-sonnet-4-6",
    "claude-sonnet-4-0",
    "claude-sonnet-4-5",
    "gpt-4o-mini",
    "o3",
    "o4-mini",
    "gpt-4.1-mini",
    "gemini-2.0-flash",
    "deepseek-reasoner",
    "deepseek-flash",
    "claude-opus-4-6",
    "claude-haiku-4-5",
    "gemini-2.5-flash",
    "gemini-2.5-pro",
    "gemini-3-pro-preview",
    "gemini-3-flash-preview",
    "gemini-3.1-pro-preview",
    "deepseek-v4-pro",
    "deepseek-chat",
    "llama-3.3-70b-instruct",
    "qwen3-32b",
    "grok-4",
    "minimax-m2.7",
    "mistral-large-3",
  ])("covers %s", (id) => {
    expect(resolver.resolve(id).id).toBe(id);
  });

  it("serves llama-3.3-70b-instruct at groq, together and fireworks", () => {
    const llama = resolver.resolve("llama-3.3-70b-instruct");
    expect(llama.offerings.map((offering) => offering.provider)).toEqual(["groq", "together", "fireworks"]);
  });

  it("marks o3-pro and gpt-5.5-pro as Responses-only", () => {
    for (const id of ["o3-pro", "gpt-5.5-pro"]) {
      expect(resolver.resolve(id).offerings[0]!.endpoints).toEqual(["responses"]);
    }
  });

  it("uses the providers the gateway knows by name", () => {
    const providers = new Set(
      models.flatMap((model) => model.offerings.map((offering) => offering.provider)),
    );
    for (const name of [
      "openai",
      "anthropic",
      "google",
      "deepseek",
      "groq",
      "together",
      "fireworks",
      "mistral",
      "xai",
    ]) {
      expect(providers).toContain(name);
    }
  });

  it("returns fresh objects on every call", () => {
    const first = builtInModels();
    first[0]!.offerings[0]!.prices.input = 999;
    expect(builtInModels()[0]!.offerings[0]!.prices.input).not.toBe(999);
  });

  it.skipIf(!PRICE_SNAPSHOT.source.startsWith("@pydantic/genai-prices@"))(
    "has the prices the installed @pydantic/genai-prices gives for the snapshot date (else run update-prices)",
    () => {
      const providerFor = (id: string) => findProvider({ providerId: id });
      expect(catalogPrices(providerFor, PRICE_SNAPSHOT.effectiveDate)).toEqual(PRICE_SNAPSHOT.prices);
      expect(catalogModels(providerFor, PRICE_SNAPSHOT.effectiveDate)).toEqual(PRICE_SNAPSHOT.models);
    },
  );
});
