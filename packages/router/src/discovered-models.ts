import type { ListedModel } from "@switchyard/core";
import { matchesModelId } from "./price-snapshot";
import type { CanonicalModel, Offering } from "./router-types";
import { UNKNOWN_LIMIT, unknownOffering } from "./unknown-offering";

/** Whether `offering` already serves `id` (its own id, a version, or the model's id or alias). */
const serves = (model: CanonicalModel, offering: Offering, id: string): boolean => {
  const name = id.toLowerCase();
  return (
    offering.providerModelId.toLowerCase() === name ||
    (offering.versions ?? []).some((version) => version.toLowerCase() === name) ||
    [model.id, ...model.aliases].some((alias) => alias.toLowerCase() === name)
  );
};

/** A listed model's own word on its limits and capabilities, over what the catalog guessed. */
function withListed(offering: Offering, listed: ListedModel): Offering {
  const capabilities = { ...offering.capabilities };
  if (listed.vision !== undefined) capabilities.vision = listed.vision;
  if (listed.reasoning !== undefined) capabilities.reasoning = listed.reasoning;
  if (listed.jsonSchema !== undefined) capabilities.jsonSchema = listed.jsonSchema;
  const contextWindow = listed.contextWindow ?? offering.contextWindow;
  const maxOutputTokens = listed.maxOutputTokens ?? offering.maxOutputTokens;
  return {
    ...offering,
    contextWindow,
    // A server that gives only its context length (vLLM) may write that much.
    maxOutputTokens:
      maxOutputTokens === UNKNOWN_LIMIT && listed.contextWindow ? contextWindow : maxOutputTokens,
    capabilities,
  };
}

/**
 * The catalog entries for what `provider`'s model list reports, leaving out the models the catalog already
 * serves at that provider. A listed id that a price rule of a catalog model at the provider matches
 * (`gpt-4o-2024-11-20`, a new Claude snapshot) is priced and limited like that model; any other is unpriced
 * (cost `null` with `unknown_price`), with the limits and capabilities the list gives and no filter otherwise.
 */
export function discoveredModels(
  catalog: readonly CanonicalModel[],
  provider: string,
  listed: readonly ListedModel[],
): CanonicalModel[] {
  const added: CanonicalModel[] = [];
  const seen = new Set<string>();
  for (const entry of listed) {
    const key = entry.id.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const known = catalog.some((model) =>
      model.offerings.some((offering) => offering.provider === provider && serves(model, offering, entry.id)),
    );
    if (known) continue;
    const priced = catalog
      .flatMap((model) => model.offerings)
      .find(
        (offering) =>
          offering.provider === provider &&
          offering.priceMatch !== undefined &&
          matchesModelId(offering.priceMatch, entry.id),
      );
    const base: Offering = priced
      ? { ...priced, canonicalId: entry.id, providerModelId: entry.id, source: "discovered" }
      : unknownOffering(provider, entry.id, "discovered");
    delete base.versions;
    added.push({ id: entry.id, ownedBy: provider, aliases: [], offerings: [withListed(base, entry)] });
  }
  return added;
}
