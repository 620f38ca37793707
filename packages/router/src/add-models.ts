import type { CanonicalModel } from "./router-types";

/**
 * The catalog with `added` models in it, and what was added. A model whose id is already a name in the
 * catalog (an id or an alias) lends its offerings at providers that model lacks to that model (a local server
 * reporting `meta-llama/Llama-3.3-70B-Instruct`, an alias of `llama-3.3-70b-instruct`, then serves it too);
 * otherwise it is added whole. `catalog` is not modified.
 */
export function mergeAddedModels(
  catalog: readonly CanonicalModel[],
  added: readonly CanonicalModel[],
): { models: CanonicalModel[]; added: CanonicalModel[] } {
  const models = [...catalog];
  const result: CanonicalModel[] = [];
  const byName = new Map<string, number>();
  models.forEach((model, index) => {
    for (const name of [model.id, ...model.aliases]) byName.set(name.toLowerCase(), index);
  });
  for (const model of added) {
    const index = byName.get(model.id.toLowerCase());
    if (index === undefined) {
      byName.set(model.id.toLowerCase(), models.length);
      models.push(model);
      result.push(model);
      continue;
    }
    const existing = models[index]!;
    const fresh = model.offerings
      .filter((offering) => !existing.offerings.some((known) => known.provider === offering.provider))
      .map((offering) => ({ ...offering, canonicalId: existing.id }));
    if (fresh.length === 0) continue;
    const extended = { ...existing, offerings: [...existing.offerings, ...fresh] };
    models[index] = extended;
    result.push({ ...extended, offerings: fresh });
  }
  return { models, added: result };
}
