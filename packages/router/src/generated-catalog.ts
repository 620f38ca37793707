import {
  API_IDS,
  familyOf,
  GATEWAY_ALIASES,
  isApiId,
  KNOWN_SIBLINGS,
  KNOWN_VERSIONS,
  RULE_ONLY,
} from "./catalog-families";
import { exactIdsOf, type PriceSnapshot, type SnapshotModel } from "./price-snapshot";
import type { CanonicalModel, OfferingPrices } from "./router-types";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The offering prices of a snapshot entry (without its provenance). */
export function offeringPricesOf(entry: SnapshotModel | OfferingPrices): OfferingPrices {
  const {
    from: _from,
    notes: _notes,
    match: _match,
    contextWindow: _context,
    ...prices
  } = entry as SnapshotModel;
  return structuredClone(prices);
}

/**
 * The dated snapshots of `apiId` that a price rule names exactly (`gpt-4o-2024-08-06`,
 * `gemini-2.0-flash-001`): the provider serves them as ids of their own, so they are sent as written.
 * Other exact names in a rule (other platforms' spellings, distinct models sharing a price) are not versions.
 */
function datedVersions(apiId: string, entry: SnapshotModel): string[] {
  const dated = new RegExp(`^${escapeRegExp(apiId)}-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|\\d{3})$`, "i");
  return exactIdsOf(entry.match).filter((id) => dated.test(id));
}

/**
 * The generated part of the built-in catalog: one canonical model per chat model of the snapshot (every model
 * the price data lists at OpenAI, Anthropic, Google and DeepSeek), its limits, capabilities and endpoints from
 * `catalog-families.ts`. Throws naming a model no family covers.
 */
export function generatedModels(snapshot: PriceSnapshot): CanonicalModel[] {
  const models: CanonicalModel[] = [];
  const taken = new Set<string>();
  const add = (
    provider: string,
    apiId: string,
    entry: SnapshotModel,
    extra: { aliases: string[]; versions: string[] },
  ) => {
    const family = familyOf(provider, apiId);
    if (family === undefined) throw new Error(`catalog-families.ts has no family for ${provider}/${apiId}`);
    const contextWindow = entry.contextWindow ?? family.contextWindow;
    for (const name of [apiId, ...extra.aliases]) taken.add(name.toLowerCase());
    models.push({
      id: apiId,
      ownedBy: provider,
      aliases: extra.aliases,
      offerings: [
        {
          canonicalId: apiId,
          provider,
          providerModelId: apiId,
          prices: offeringPricesOf(entry),
          contextWindow,
          maxOutputTokens: Math.min(family.maxOutputTokens, contextWindow),
          capabilities: { ...family.capabilities },
          endpoints: [...family.endpoints],
          ...(extra.versions.length > 0 ? { versions: extra.versions } : {}),
          priceMatch: structuredClone(entry.match),
        },
      ],
    });
  };
  for (const [key, entry] of Object.entries(snapshot.models)) {
    const slash = key.indexOf("/");
    const provider = key.slice(0, slash);
    const dataId = key.slice(slash + 1);
    if (RULE_ONLY.has(key)) continue;
    const apiId = API_IDS[key] ?? dataId;
    const versions = [...new Set([...datedVersions(apiId, entry), ...(KNOWN_VERSIONS[key] ?? [])])];
    add(provider, apiId, entry, {
      aliases: [...(apiId === dataId ? [] : [dataId]), ...(GATEWAY_ALIASES[key] ?? [])],
      versions,
    });
  }
  // Second pass, so a model's own entry wins over a rule that merely names it.
  for (const [key, entry] of Object.entries(snapshot.models)) {
    const provider = key.slice(0, key.indexOf("/"));
    const apiId = API_IDS[key] ?? key.slice(key.indexOf("/") + 1);
    const named = exactIdsOf(entry.match).filter(
      (id) => id.toLowerCase() !== apiId.toLowerCase() && isApiId(provider, id),
    );
    const versions = new Set(datedVersions(apiId, entry).map((id) => id.toLowerCase()));
    for (const sibling of [...named, ...(KNOWN_SIBLINGS[key] ?? [])]) {
      if (versions.has(sibling.toLowerCase()) || taken.has(sibling.toLowerCase())) continue;
      if (Object.values(KNOWN_VERSIONS).some((list) => list.includes(sibling))) continue;
      add(provider, sibling, entry, { aliases: [], versions: [] });
    }
  }
  return models;
}
