import { modelNotFound } from "@switchyard/core";
import { closestNames } from "./edit-distance";
import { matchesModelId } from "./price-snapshot";
import type { CanonicalModel, Offering } from "./router-types";
import { passThroughOffering } from "./unknown-offering";

/** Options of `ModelResolver`. */
export interface ModelResolverOptions {
  /**
   * Providers that take `provider/model` with a model the catalog does not know: the id is sent as given
   * (unpriced unless a price rule of that provider knows it). Usually the configured providers.
   */
  passThroughProviders?: ReadonlySet<string>;
}

/** `model` with its offerings narrowed to `offerings`, each sent upstream as `providerModelId`. */
const narrowed = (model: CanonicalModel, offerings: Offering[]): CanonicalModel => ({ ...model, offerings });

/** The offering sent under `id` (a dated snapshot or an id a price rule matched), as the client wrote it. */
const sentAs = (offering: Offering, id: string): Offering =>
  offering.providerModelId === id ? offering : { ...offering, providerModelId: id };

/**
 * Names longer than this get no "did you mean" suggestion (its search grows with the name's length) and are
 * shown cut to this length in the 404, so no request can make the answer or its cost unbounded.
 */
export const MAX_SUGGESTED_NAME_LENGTH = 128;

const shownName = (name: string): string =>
  name.length > MAX_SUGGESTED_NAME_LENGTH ? `${name.slice(0, MAX_SUGGESTED_NAME_LENGTH)}…` : name;

/**
 * Resolves model names against a catalog, in this order:
 * 1. a canonical id or alias (case-insensitive), such as `claude-sonnet-4-6`;
 * 2. a version (dated snapshot) of an offering, such as `gpt-4o-2024-08-06`: sent upstream as written;
 * 3. a provider's own model id, such as `llama-3.3-70b-versatile`: pins the offerings with that id;
 * 4. `provider/model`, such as `groq/llama-3.3-70b-instruct`: pins that provider; a model the catalog does
 *    not list is sent to a pass-through provider as given;
 * 5. an id the price data's rule of a catalog model matches (`claude-sonnet-4-5-20250929`): sent as written.
 * Names are tried whole first because provider model ids contain slashes (`qwen/qwen3-32b`).
 */
export class ModelResolver {
  private readonly byName = new Map<string, CanonicalModel>();
  private readonly byVersion = new Map<string, { model: CanonicalModel; offerings: Offering[] }>();
  private readonly providers = new Set<string>();
  private readonly passThroughProviders: ReadonlySet<string>;

  constructor(
    private readonly models: readonly CanonicalModel[],
    options: ModelResolverOptions = {},
  ) {
    this.passThroughProviders = options.passThroughProviders ?? new Set();
    for (const model of models) {
      for (const name of [model.id, ...model.aliases]) this.byName.set(name.toLowerCase(), model);
      for (const offering of model.offerings) {
        this.providers.add(offering.provider);
        for (const version of offering.versions ?? []) {
          const key = version.toLowerCase();
          const entry = this.byVersion.get(key) ?? { model, offerings: [] };
          entry.offerings.push(offering);
          this.byVersion.set(key, entry);
        }
      }
    }
  }

  /** The canonical model for `name`, its offerings narrowed to a pinned provider; throws `model_not_found`. */
  resolve(name: string): CanonicalModel {
    const resolved = this.tryResolve(name);
    if (resolved !== undefined) return resolved;
    const suggestions = name.length > MAX_SUGGESTED_NAME_LENGTH ? [] : this.suggestionsFor(name);
    throw modelNotFound(shownName(name), suggestions);
  }

  private tryResolve(name: string): CanonicalModel | undefined {
    const known = this.resolveKnown(name, undefined);
    if (known !== undefined) return known;
    const slash = name.indexOf("/");
    if (slash > 0) {
      const provider = name.slice(0, slash);
      const rest = name.slice(slash + 1);
      if (this.providers.has(provider) || this.passThroughProviders.has(provider)) {
        const pinned = this.resolveKnown(rest, provider) ?? this.resolveByPriceRule(rest, provider);
        if (pinned !== undefined) return pinned;
        if (this.passThroughProviders.has(provider) && rest.length > 0) {
          const offering = passThroughOffering(provider, rest);
          return { id: rest, ownedBy: provider, aliases: [], offerings: [offering] };
        }
        return undefined;
      }
    }
    return this.resolveByPriceRule(name, undefined);
  }

  /** Steps 1 to 3, optionally at one provider only. */
  private resolveKnown(name: string, provider: string | undefined): CanonicalModel | undefined {
    const atProvider = (offerings: Offering[]) =>
      provider === undefined ? offerings : offerings.filter((offering) => offering.provider === provider);
    const direct = this.byName.get(name.toLowerCase());
    if (direct !== undefined) {
      const offerings = atProvider(direct.offerings);
      return offerings.length > 0 ? narrowed(direct, offerings) : undefined;
    }
    const version = this.byVersion.get(name.toLowerCase());
    if (version !== undefined) {
      const offerings = atProvider(version.offerings).map((offering) => sentAs(offering, name));
      if (offerings.length > 0) return narrowed(version.model, offerings);
    }
    for (const model of this.models) {
      const offerings = atProvider(model.offerings.filter((offering) => offering.providerModelId === name));
      if (offerings.length > 0) return narrowed(model, offerings);
    }
    return undefined;
  }

  /** Step 5: the catalog models whose price rule matches `name` (at `provider`, when given). */
  private resolveByPriceRule(name: string, provider: string | undefined): CanonicalModel | undefined {
    for (const model of this.models) {
      const offerings = model.offerings.filter(
        (offering) =>
          (provider === undefined || offering.provider === provider) &&
          offering.priceMatch !== undefined &&
          matchesModelId(offering.priceMatch, name),
      );
      if (offerings.length > 0)
        return narrowed(
          model,
          offerings.map((offering) => sentAs(offering, name)),
        );
    }
    return undefined;
  }

  private suggestionsFor(name: string): string[] {
    const slash = name.indexOf("/");
    if (slash > 0 && this.providers.has(name.slice(0, slash))) {
      // A known model at a provider that does not serve it: suggest the providers that do.
      const model = this.byName.get(name.slice(slash + 1).toLowerCase());
      if (model) return model.offerings.map((offering) => `${offering.provider}/${model.id}`);
      return closestNames(name.slice(slash + 1), this.names()).map(
        (match) => `${name.slice(0, slash)}/${match}`,
      );
    }
    return closestNames(name, this.names());
  }

  private *names(): Iterable<string> {
    for (const model of this.models) {
      yield model.id;
      yield* model.aliases;
    }
  }
}
