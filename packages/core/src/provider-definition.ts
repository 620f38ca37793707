import type { Provider, ProviderOptions } from "./provider";

/** What a provider package's factory gets from a server's configuration. */
export interface ProviderDefinitionOptions extends ProviderOptions {
  /** The provider's name: `provider/model` ids and `routing_metadata.provider` use it. */
  name: string;
  /** The configured base URL, or the definition's default. */
  baseUrl: string;
  /** The package's own settings from the configuration (the entry's `settings`, plus `preset` where given). */
  settings: Readonly<Record<string, unknown>>;
}

/**
 * A provider package's entry in a server's provider registry: how it is configured (its config `type`,
 * environment variables and default base URL) and how it is built. A new provider package exports one and a
 * server registers it; nothing in core, the router or the server names it.
 */
export interface ProviderDefinition {
  /** The config file's `type` for it, and the provider's name when configured under its own name. */
  readonly type: string;
  /** Prefix of the environment variables that enable it without a config file: `<env>_API_KEY`, `<env>_BASE_URL`. */
  readonly env?: string;
  /** The upstream base URL when none is configured; absent when every entry must give one. */
  readonly defaultBaseUrl?: string;
  /** Whether entries may carry other names (several servers of one protocol, such as OpenAI-compatible ones). */
  readonly namedInstances?: boolean;
  /** Builds the provider; a bad setting throws `ProviderSettingsError` naming it. */
  create(options: ProviderDefinitionOptions): Provider;
}

/** A provider setting that a definition refuses; `setting` is its name inside the entry. */
export class ProviderSettingsError extends Error {
  override readonly name = "ProviderSettingsError";
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}
