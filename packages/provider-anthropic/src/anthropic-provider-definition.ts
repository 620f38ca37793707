import type { ProviderDefinition } from "@switchyard/core";
import { ANTHROPIC_BASE_URL, createAnthropicProvider } from "./anthropic-provider";

/** Anthropic in a server's provider registry: `ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`. */
export const anthropicProviderDefinition: ProviderDefinition = {
  type: "anthropic",
  env: "ANTHROPIC",
  defaultBaseUrl: ANTHROPIC_BASE_URL,
  create: ({ name: _name, settings: _settings, ...options }) => createAnthropicProvider(options),
};
