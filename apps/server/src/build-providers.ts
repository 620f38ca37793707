import {
  type Clock,
  type HttpTransport,
  type IdGenerator,
  type Provider,
  ProviderSettingsError,
} from "@switchyard/core";
import type { ProviderRegistration } from "@switchyard/router";
import { ConfigError, type ProviderConfig } from "./config/config";
import { builtInProviderRegistry, type ProviderRegistry } from "./provider-registry";

/** What every provider built by the server shares. */
export interface ProviderDependencies {
  transport: HttpTransport;
  /** Cap on a whole upstream answer, in bytes. */
  maxAnswerBytes?: number;
  ids?: IdGenerator;
  clock?: Clock;
}

/** Builds one provider from its configuration, through its package's registry entry. */
export function buildProvider(
  config: ProviderConfig,
  dependencies: ProviderDependencies,
  registry: ProviderRegistry = builtInProviderRegistry,
): Provider {
  const definition = registry.get(config.kind);
  if (definition === undefined)
    throw new ConfigError(
      `config file providers.${config.name}.type: no provider package serves '${config.kind}'`,
    );
  const baseUrl = config.baseUrl ?? definition.defaultBaseUrl;
  if (baseUrl === undefined)
    throw new ConfigError(
      `config file providers.${config.name}.baseUrl: is required for a ${config.kind} provider`,
    );
  try {
    return definition.create({
      name: config.name,
      baseUrl,
      settings: { ...config.settings, ...(config.preset === undefined ? {} : { preset: config.preset }) },
      transport: dependencies.transport,
      ...(dependencies.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: dependencies.maxAnswerBytes }),
      ...(config.headers === undefined ? {} : { headers: config.headers }),
      ...(dependencies.ids === undefined ? {} : { ids: dependencies.ids }),
      ...(dependencies.clock === undefined ? {} : { clock: dependencies.clock }),
    });
  } catch (error) {
    if (error instanceof ProviderSettingsError) {
      const where = error.setting === "preset" ? "preset" : `settings.${error.setting}`;
      throw new ConfigError(`config file providers.${config.name}.${where}: ${error.message}`);
    }
    throw error;
  }
}

/** Builds the router's provider registrations (provider plus key pool) from the configuration. */
export function buildProviderRegistrations(
  configs: readonly ProviderConfig[],
  dependencies: ProviderDependencies,
  registry: ProviderRegistry = builtInProviderRegistry,
): ProviderRegistration[] {
  return configs.map((config) => ({
    provider: buildProvider(config, dependencies, registry),
    apiKeys: config.apiKeys,
  }));
}
