import type { ProviderDefinition } from "@switchyard/core";
import { createGoogleProvider, GOOGLE_DEFAULT_BASE_URL } from "./gemini-provider";

/** Gemini in a server's provider registry: `GEMINI_API_KEY`, `GEMINI_BASE_URL`. */
export const googleProviderDefinition: ProviderDefinition = {
  type: "google",
  env: "GEMINI",
  defaultBaseUrl: GOOGLE_DEFAULT_BASE_URL,
  create: ({ name: _name, settings: _settings, ...options }) => createGoogleProvider(options),
};
