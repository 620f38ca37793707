import type { ProviderDefinition } from "@switchyard/core";
import { anthropicProviderDefinition } from "@switchyard/provider-anthropic";
import { deepSeekProviderDefinition } from "@switchyard/provider-deepseek";
import { googleProviderDefinition } from "@switchyard/provider-google";
import { openAIProviderDefinition } from "@switchyard/provider-openai";
import { openAICompatibleProviderDefinition } from "@switchyard/provider-openai-compatible";

/** The provider packages a server can configure and build, by their config `type`. */
export interface ProviderRegistry {
  get(type: string): ProviderDefinition | undefined;
  /** Every definition, in registration order. */
  readonly definitions: readonly ProviderDefinition[];
}

/** The provider packages this server ships with. */
export const builtInProviderDefinitions: readonly ProviderDefinition[] = [
  openAIProviderDefinition,
  anthropicProviderDefinition,
  googleProviderDefinition,
  deepSeekProviderDefinition,
  openAICompatibleProviderDefinition,
];

/** A registry of provider definitions; a type registered twice is a programming error. */
export function createProviderRegistry(definitions: readonly ProviderDefinition[]): ProviderRegistry {
  const byType = new Map<string, ProviderDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type))
      throw new Error(`provider type '${definition.type}' is registered twice`);
    byType.set(definition.type, definition);
  }
  return { get: (type) => byType.get(type), definitions: [...byType.values()] };
}

/** The registry of the built-in provider packages. */
export const builtInProviderRegistry: ProviderRegistry = createProviderRegistry(builtInProviderDefinitions);
