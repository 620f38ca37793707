import { type ProviderDefinition, ProviderSettingsError } from "@switchyard/core";
import type { PresetName } from "./openai-compatible-preset";
import { createOpenAICompatibleProvider } from "./openai-compatible-provider";
import { openAICompatiblePresets } from "./presets/index";

const isPresetName = (name: unknown): name is PresetName =>
  typeof name === "string" && Object.hasOwn(openAICompatiblePresets, name);

/**
 * Any Chat Completions server in a server's provider registry: configured under any name, with its base
 * URL and an optional `preset` naming its quirks.
 */
export const openAICompatibleProviderDefinition: ProviderDefinition = {
  type: "openai-compatible",
  namedInstances: true,
  create({ settings, ...options }) {
    const { preset, ...unknown } = settings;
    for (const setting of Object.keys(unknown)) throw new ProviderSettingsError(setting, "unknown setting");
    if (preset !== undefined && !isPresetName(preset))
      throw new ProviderSettingsError(
        "preset",
        `expected one of ${Object.keys(openAICompatiblePresets).join(", ")}`,
      );
    return createOpenAICompatibleProvider({ ...options, ...(preset === undefined ? {} : { preset }) });
  },
};
