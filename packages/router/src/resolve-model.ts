import { modelNotFound } from "@switchyard/core";
import { closestNames } from "./edit-distance";
import type { CanonicalModel } from "./router-types";

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
 * 2. a provider's own model id, such as `llama-3.3-70b-versatile`: pins the offerings with that id;
 * 3. `provider/model`, such as `groq/llama-3.3-70b-instruct`: pins that provider.
 * Names are tried whole first because provider model ids contain slashes (`qwen/qwen3-32b`).
 */
export class ModelResolver {
  private readonly byName = new Map<string, CanonicalModel>();
  private readonly providers = new Set<string>();

  constructor(private readonly models: readonly CanonicalModel[]) {
    for (const model of models) {
      for (const name of [model.id, ...model.aliases]) this.byName.set(name.toLowerCase(), model);
      for (const offering of model.offerings) this.providers.add(offering.provider);
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
    const direct = this.byName.get(name.toLowerCase());
    if (direct !== undefined) return direct;
    for (const model of this.models) {
      const offerings = model.offerings.filter((offering) => offering.providerModelId === name);
      if (offerings.length > 0) return { ...model, offerings };
    }
    const slash = name.indexOf("/");
    if (slash <= 0) return undefined;
    const provider = name.slice(0, slash);
    if (!this.providers.has(provider)) return undefined;
    const rest = name.slice(slash + 1);
    const model = this.byName.get(rest.toLowerCase());
    const offerings = model
      ? model.offerings.filter((offering) => offering.provider === provider)
      : this.models.flatMap((candidate) =>
          candidate.offerings.filter(
            (offering) => offering.provider === provider && offering.providerModelId === rest,
          ),
        );
    if (offerings.length === 0) return undefined;
    const owner = model ?? this.models.find((candidate) => candidate.id === offerings[0]!.canonicalId)!;
    return { ...owner, offerings };
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
