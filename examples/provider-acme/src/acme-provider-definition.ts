import type { ProviderDefinition } from "@switchyard/core";
import { ACME_BASE_URL, createAcmeProvider } from "./acme-provider";

/** Acme in a server's provider registry: `ACME_API_KEY`, `ACME_BASE_URL`, or `providers.acme` in a config file. */
export const acmeProviderDefinition: ProviderDefinition = {
  type: "acme",
  env: "ACME",
  defaultBaseUrl: ACME_BASE_URL,
  create: ({ name: _name, settings: _settings, ...options }) => createAcmeProvider(options),
};
