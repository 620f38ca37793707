import { formatPath } from "@switchyard/core";
import {
  CanonicalModelSchema,
  CatalogError,
  CatalogOverridesSchema,
  type ModelOverride,
  type OfferingOverride,
  parseCatalog,
} from "./catalog-schema";
import type { CanonicalModel, Offering, OfferingCapabilities } from "./router-types";

const DEFAULT_CAPABILITIES: OfferingCapabilities = {
  tools: false,
  parallelTools: false,
  vision: false,
  jsonSchema: false,
  reasoning: false,
  streaming: true,
  logprobs: false,
};

const cloneModel = (model: CanonicalModel): CanonicalModel => ({
  ...model,
  aliases: [...model.aliases],
  offerings: model.offerings.map((offering) => ({
    ...offering,
    prices: structuredClone(offering.prices),
    capabilities: { ...offering.capabilities },
    endpoints: [...offering.endpoints],
    ...(offering.versions === undefined ? {} : { versions: [...offering.versions] }),
  })),
});

function mergeOffering(
  canonicalId: string,
  existing: Offering | undefined,
  override: OfferingOverride,
  path: readonly PropertyKey[],
): Offering {
  const merged = {
    canonicalId,
    provider: override.provider,
    providerModelId: override.providerModelId ?? existing?.providerModelId ?? canonicalId,
    prices: { ...existing?.prices, ...override.prices },
    contextWindow: override.contextWindow ?? existing?.contextWindow,
    maxOutputTokens: override.maxOutputTokens ?? existing?.maxOutputTokens,
    capabilities: { ...(existing?.capabilities ?? DEFAULT_CAPABILITIES), ...override.capabilities },
    endpoints: override.endpoints ?? existing?.endpoints ?? ["chat"],
    ...((override.versions ?? existing?.versions)
      ? { versions: override.versions ?? existing?.versions }
      : {}),
    ...(existing?.priceMatch === undefined ? {} : { priceMatch: existing.priceMatch }),
  };
  // A new offering must be complete: the error names the missing key at its place in the config file.
  return parseCatalog(CanonicalModelSchema.shape.offerings.element, merged, path);
}

function mergeModel(
  existing: CanonicalModel | undefined,
  override: ModelOverride,
  path: readonly PropertyKey[],
): CanonicalModel {
  const base = override.replace === true ? undefined : existing;
  const offerings = base ? [...base.offerings] : [];
  for (const [index, offeringOverride] of (override.offerings ?? []).entries()) {
    const offeringPath = [...path, "offerings", index];
    const position = offerings.findIndex((offering) => offering.provider === offeringOverride.provider);
    if (offeringOverride.remove === true) {
      if (position < 0) {
        throw new CatalogError(
          `${formatPath(offeringPath)}.provider`,
          `'${override.id}' has no offering by '${offeringOverride.provider}' to remove`,
        );
      }
      offerings.splice(position, 1);
      continue;
    }
    const merged = mergeOffering(override.id, offerings[position], offeringOverride, offeringPath);
    if (position >= 0) offerings[position] = merged;
    else offerings.push(merged);
  }
  if (offerings.length === 0) {
    throw new CatalogError(
      formatPath([...path, "offerings"]),
      `'${override.id}' needs at least one offering`,
    );
  }
  return {
    id: override.id,
    ownedBy: override.ownedBy ?? base?.ownedBy ?? "system",
    aliases: [...new Set([...(base?.aliases ?? []), ...(override.aliases ?? [])])],
    offerings,
  };
}

/** Throws when an id or alias names two models, so resolution stays unambiguous. */
function checkNamesAreUnique(models: readonly CanonicalModel[]): void {
  const owner = new Map<string, string>();
  for (const model of models) {
    for (const name of [model.id, ...model.aliases]) {
      const previous = owner.get(name.toLowerCase());
      if (previous !== undefined && previous !== model.id) {
        throw new CatalogError(
          `models.${model.id}`,
          `the name '${name}' is already used by '${previous}'; ids and aliases must be unique`,
        );
      }
      owner.set(name.toLowerCase(), model.id);
    }
  }
}

/**
 * Applies config-file overrides (the `catalog` section: `{ models?: ModelOverride[], remove?: string[] }`) to a
 * catalog. Validated with zod; a `CatalogError` names the bad key. `base` is not modified.
 */
export function mergeModels(base: CanonicalModel[], overrides: unknown): CanonicalModel[] {
  if (overrides === undefined || overrides === null) return base.map(cloneModel);
  const parsed = parseCatalog(CatalogOverridesSchema, overrides);
  const models = base.map(cloneModel);
  for (const [index, id] of (parsed.remove ?? []).entries()) {
    const position = models.findIndex((model) => model.id === id);
    if (position < 0) throw new CatalogError(`remove[${index}]`, `no model '${id}' to remove`);
    models.splice(position, 1);
  }
  for (const [index, override] of (parsed.models ?? []).entries()) {
    const position = models.findIndex((model) => model.id === override.id);
    const merged = mergeModel(models[position], override, ["models", index]);
    if (position >= 0) models[position] = merged;
    else models.push(merged);
  }
  checkNamesAreUnique(models);
  return models;
}
