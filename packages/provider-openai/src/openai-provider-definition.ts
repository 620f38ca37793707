import type { ProviderDefinition } from "@switchyard/core";
import { OPENAI_DEFAULT_BASE_URL } from "./openai-http";
import { createOpenAIProvider } from "./openai-provider";

/** OpenAI in a server's provider registry: `OPENAI_API_KEY`, `OPENAI_BASE_URL`. */
export const openAIProviderDefinition: ProviderDefinition = {
  type: "openai",
  env: "OPENAI",
  defaultBaseUrl: OPENAI_DEFAULT_BASE_URL,
  create: ({ name: _name, settings: _settings, ...options }) => createOpenAIProvider(options),
};
