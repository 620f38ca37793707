import type { ProviderDefinition } from "@switchyard/core";
import { DEEPSEEK_BASE_URL } from "./deepseek-preset";
import { createDeepSeekProvider } from "./deepseek-provider";

/** DeepSeek in a server's provider registry: `DEEPSEEK_API_KEY`, `DEEPSEEK_BASE_URL`. */
export const deepSeekProviderDefinition: ProviderDefinition = {
  type: "deepseek",
  env: "DEEPSEEK",
  defaultBaseUrl: DEEPSEEK_BASE_URL,
  create: ({ name: _name, settings: _settings, ...options }) => createDeepSeekProvider(options),
};
