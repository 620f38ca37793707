import { environmentProviders, type ServerConfig } from "./config/config";
import { builtInProviderRegistry, type ProviderRegistry } from "./provider-registry";

/** The start-up text: where the server listens, which providers are on, and how to turn on the others. */
export function startupBanner(
  config: ServerConfig,
  url: string,
  registry: ProviderRegistry = builtInProviderRegistry,
): string {
  const lines = [`Switchyard listening on ${url}/v1`];
  const enabled = config.providers.map((provider) =>
    provider.baseUrl === undefined ? provider.name : `${provider.name} (${provider.baseUrl})`,
  );
  lines.push(`Providers enabled: ${enabled.length > 0 ? enabled.join(", ") : "none"}`);
  const names = new Set(config.providers.map((provider) => provider.name));
  const missing = environmentProviders(registry).filter((provider) => !names.has(provider.type));
  if (missing.length > 0) {
    lines.push("To enable more providers, set their keys and restart:");
    for (const provider of missing) lines.push(`  ${provider.type}: ${provider.env}_API_KEY=...`);
    lines.push("  any OpenAI-compatible server: add it under 'providers' in a config file (--config path)");
  }
  if (config.clientKeys.length === 0) {
    lines.push(
      "No client keys configured (SWITCHYARD_API_KEYS): the gateway is open, so it listens on loopback only.",
    );
    if (config.ignoredHost !== undefined)
      lines.push(`  HOST=${config.ignoredHost} is ignored until client keys are set.`);
  } else {
    lines.push(`Client keys: ${config.clientKeys.length} (clients send 'Authorization: Bearer ak_...')`);
  }
  return `${lines.join("\n")}\n`;
}
