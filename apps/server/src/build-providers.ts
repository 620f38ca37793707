import type { Clock, HttpTransport, IdGenerator, Provider, ProviderOptions } from "@switchyard/core";
import { createAnthropicProvider } from "@switchyard/provider-anthropic";
import { createDeepSeekProvider } from "@switchyard/provider-deepseek";
import { createGoogleProvider } from "@switchyard/provider-google";
import { createOpenAIProvider } from "@switchyard/provider-openai";
import {
  createOpenAICompatibleProvider,
  openAICompatiblePresets,
  type PresetName,
} from "@switchyard/provider-openai-compatible";
import type { ProviderRegistration } from "@switchyard/router";
import { ConfigError, type ProviderConfig } from "./config/config";

/** What every provider built by the server shares. */
export interface ProviderDependencies {
  transport: HttpTransport;
  /** Cap on a whole upstream answer, in bytes. */
  maxAnswerBytes?: number;
  ids?: IdGenerator;
  clock?: Clock;
}

const isPresetName = (name: string): name is PresetName => Object.hasOwn(openAICompatiblePresets, name);

/** Builds one provider from its configuration. */
export function buildProvider(config: ProviderConfig, dependencies: ProviderDependencies): Provider {
  const options: ProviderOptions = {
    transport: dependencies.transport,
    ...(dependencies.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: dependencies.maxAnswerBytes }),
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    ...(config.headers === undefined ? {} : { headers: config.headers }),
    ...(dependencies.ids === undefined ? {} : { ids: dependencies.ids }),
    ...(dependencies.clock === undefined ? {} : { clock: dependencies.clock }),
  };
  switch (config.kind) {
    case "openai":
      return createOpenAIProvider(options);
    case "anthropic":
      return createAnthropicProvider(options);
    case "google":
      return createGoogleProvider(options);
    case "deepseek":
      return createDeepSeekProvider(options);
    case "openai-compatible": {
      const preset = config.preset;
      if (preset !== undefined && !isPresetName(preset))
        throw new ConfigError(
          `config file providers.${config.name}.preset: expected one of ${Object.keys(openAICompatiblePresets).join(", ")}`,
        );
      return createOpenAICompatibleProvider({
        ...options,
        name: config.name,
        baseUrl: config.baseUrl ?? "",
        ...(preset === undefined ? {} : { preset }),
      });
    }
  }
}

/** Builds the router's provider registrations (provider plus key pool) from the configuration. */
export function buildProviderRegistrations(
  configs: readonly ProviderConfig[],
  dependencies: ProviderDependencies,
): ProviderRegistration[] {
  return configs.map((config) => ({
    provider: buildProvider(config, dependencies),
    apiKeys: config.apiKeys,
  }));
}
