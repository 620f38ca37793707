import { readFileSync } from "node:fs";
import { describeZodError, type ProviderDefinition } from "@switchyard/core";
import { DEFAULT_MAX_ANSWER_BYTES } from "@switchyard/provider-utils";
import { DEFAULT_ROUTER_TIMEOUTS } from "@switchyard/router";
import type { z } from "zod";
import { builtInProviderRegistry, type ProviderRegistry } from "../provider-registry";
import { DEFAULT_INPUT_LIMITS, type InputLimits } from "../request-limits";
import { type ConfigFile, ConfigFileSchema, type ProviderKind } from "./config-file-schema";
import { type StoreConfig, StoreConfigError, storeConfigOf } from "./store-config";

/** A client key the server accepts, with the name `/v1/me` reports. */
export interface ClientKey {
  key: string;
  name: string;
}

/** One upstream provider the server builds at start-up. */
export interface ProviderConfig {
  /** Provider name used in `provider/model` ids and `routing_metadata.provider`. */
  name: string;
  kind: ProviderKind;
  apiKeys: string[];
  baseUrl?: string;
  preset?: string;
  headers?: Record<string, string>;
  /** The provider package's own settings (the entry's `settings`). */
  settings?: Record<string, unknown>;
}

/** Server limits, defaults applied. */
export interface ServerLimits extends InputLimits {
  bodyBytes: number;
  /** Longest time a request body may take to arrive (a 408 after it). */
  bodyTimeoutMs: number;
  upstreamConnections: number;
  upstreamHeadersTimeoutMs: number;
  upstreamBodyTimeoutMs: number;
  /** Largest whole (non-streamed) upstream answer, in bytes; beyond it the attempt fails with a 502. */
  upstreamAnswerBytes: number;
  shutdownDeadlineMs: number;
  /** Idle time after which a translated `/v1/messages` stream gets a `ping` event. */
  pingIntervalMs: number;
  /** Per attempt of a streamed request: longest wait for the first event before failing over. */
  firstByteTimeoutMs: number;
  /** Per attempt of a whole (non-streamed) request: longest wait for the answer before failing over. */
  wholeAnswerTimeoutMs: number;
  /** Longest silence between two events of a started stream; then it ends with the protocol's error. */
  streamIdleTimeoutMs: number;
  /** Longest wait for a free upstream connection when every one of an origin is busy. */
  upstreamQueueTimeoutMs: number;
  maxAttempts?: number;
  maxTotalMs?: number;
}

/** Limits of WebSocket mode on `/v1/responses`, defaults applied. */
export interface WebSocketLimits {
  enabled: boolean;
  maxMessageBytes: number;
  idleTimeoutMs: number;
  maxConnectionMs: number;
  pingIntervalMs: number;
  maxBufferedBytes: number;
  maxCachedResponses: number;
  maxStreams: number;
  maxQueuedRequests: number;
  maxPendingSteers: number;
}

/**
 * WebSocket defaults: 60-minute connections (the limit OpenAI documents for its own WebSocket mode), 5 minutes
 * idle, a ping every 30 s, 1 MiB unsent per socket before the upstream is paused, 32 cached responses,
 * 16 streams and 32 queued requests per connection, 16 steering submissions per response. Messages may be as
 * large as an HTTP body (`limits.bodyBytes`).
 */
export const DEFAULT_WEBSOCKET_LIMITS: Omit<WebSocketLimits, "maxMessageBytes"> = {
  enabled: true,
  idleTimeoutMs: 300_000,
  maxConnectionMs: 3_600_000,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
  maxCachedResponses: 32,
  maxStreams: 16,
  maxQueuedRequests: 32,
  maxPendingSteers: 16,
};

/** The whole validated configuration of a server. */
export interface ServerConfig {
  /** The address to listen on: loopback whenever no client keys are configured. */
  host: string;
  /** The host asked for by `HOST` or the config file, when it was overridden for lack of client keys. */
  ignoredHost?: string;
  port: number;
  clientKeys: ClientKey[];
  providers: ProviderConfig[];
  /** The config file's `catalog` section for the router's `mergeModels` (validated there). */
  catalog?: unknown;
  modelAliases: Record<string, string>;
  limits: ServerLimits;
  websocket: WebSocketLimits;
  logging: { level: string; logContent: boolean };
  /** Reading the providers' model lists: at start-up, then every `refreshIntervalMs` (0: never again). */
  discovery: { enabled: boolean; refreshIntervalMs: number; timeoutMs: number };
  /** Stored responses and conversations: on or off, retention, SQLite directory or PostgreSQL URL. */
  store: StoreConfig;
}

/** A configuration error; the message names the bad key and never echoes a secret. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** The default listening port. */
export const DEFAULT_PORT = 8080;

/**
 * Default limits: 32 MiB bodies (Anthropic's limit for a Messages request, which long Claude Code sessions
 * and inline images reach: https://docs.anthropic.com/en/api/overview#request-size-limits), 1,024 upstream
 * connections per origin, 60 s for a body to arrive, 32 MiB whole upstream answers, 10 s shutdown deadline,
 * 15 s pings, the router's per-attempt limits (30 s to a stream's first event, 60 s for a whole answer,
 * inside a 120 s budget), 60 s of silence ending a started stream, 10 s of waiting for a free upstream
 * connection, and the input limits of `DEFAULT_INPUT_LIMITS`.
 */
export const DEFAULT_LIMITS: ServerLimits = {
  ...DEFAULT_INPUT_LIMITS,
  bodyBytes: 32 * 1024 * 1024,
  bodyTimeoutMs: 60_000,
  upstreamConnections: 1024,
  upstreamHeadersTimeoutMs: 120_000,
  upstreamBodyTimeoutMs: 300_000,
  upstreamAnswerBytes: DEFAULT_MAX_ANSWER_BYTES,
  shutdownDeadlineMs: 10_000,
  pingIntervalMs: 15_000,
  firstByteTimeoutMs: DEFAULT_ROUTER_TIMEOUTS.firstByteTimeoutMs,
  wholeAnswerTimeoutMs: DEFAULT_ROUTER_TIMEOUTS.wholeAnswerTimeoutMs,
  streamIdleTimeoutMs: 60_000,
  upstreamQueueTimeoutMs: 10_000,
};

/** The registry entries that the environment can enable (`<env>_API_KEY`), in registration order. */
export const environmentProviders = (registry: ProviderRegistry): ProviderDefinition[] =>
  registry.definitions.filter((definition) => definition.env !== undefined);

/** Where configuration comes from; injected so tests never touch the process. */
export interface ConfigSources {
  env: Record<string, string | undefined>;
  /** Command-line arguments after the script name (`--config path` is read from them). */
  argv?: readonly string[];
  readFile?: (path: string) => string;
}

const splitList = (value: string): string[] =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

function configPathOf(sources: ConfigSources): string | undefined {
  const argv = sources.argv ?? [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--config") {
      const path = argv[index + 1];
      if (path === undefined || path.startsWith("--"))
        throw new ConfigError("--config: expected a file path");
      return path;
    }
    if (argument.startsWith("--config=")) return argument.slice("--config=".length);
  }
  const fromEnv = sources.env["SWITCHYARD_CONFIG"];
  return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
}

function formatIssues(prefix: string, error: z.ZodError): string {
  return describeZodError(error)
    .message.split("; ")
    .map((line) => `${prefix}${line}`)
    .join("; ");
}

function readConfigFile(path: string, sources: ConfigSources): ConfigFile {
  const read = sources.readFile ?? ((file: string) => readFileSync(file, "utf8"));
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw new ConfigError(`config file ${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(formatIssues(`config file ${path}: `, parsed.error));
  return parsed.data;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new ConfigError("PORT: expected an integer from 0 to 65535");
  return port;
}

function parseBaseUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${variable}: expected an http(s) URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(`${variable}: expected an http(s) URL`);
  return value.replace(/\/+$/, "");
}

function clientKeysOf(file: ConfigFile, env: ConfigSources["env"]): ClientKey[] {
  const keys: ClientKey[] = [];
  (file.clientKeys ?? []).forEach((entry, index) => {
    if (typeof entry === "string") keys.push({ key: entry, name: `key-${index + 1}` });
    else keys.push({ key: entry.key, name: entry.name ?? `key-${index + 1}` });
  });
  const fromEnv = env["SWITCHYARD_API_KEYS"];
  if (fromEnv !== undefined) {
    splitList(fromEnv).forEach((key, index) => {
      if (!key.startsWith("ak_"))
        throw new ConfigError(`SWITCHYARD_API_KEYS[${index}]: client keys must start with 'ak_'`);
      keys.push({ key, name: `env-key-${index + 1}` });
    });
  }
  return keys;
}

function providersOf(
  file: ConfigFile,
  env: ConfigSources["env"],
  registry: ProviderRegistry,
): ProviderConfig[] {
  const providers: ProviderConfig[] = [];
  const fileEntries = file.providers ?? {};
  const fromEnvironment = environmentProviders(registry);
  for (const definition of fromEnvironment) {
    const prefix = definition.env ?? "";
    const entry = fileEntries[definition.type];
    if (entry?.type !== undefined && entry.type !== definition.type)
      throw new ConfigError(`config file providers.${definition.type}.type: must be '${definition.type}'`);
    const envKey = env[`${prefix}_API_KEY`];
    const envBaseUrl = env[`${prefix}_BASE_URL`];
    const apiKeys =
      envKey !== undefined && envKey !== ""
        ? splitList(envKey)
        : (entry?.apiKeys ?? (entry?.apiKey === undefined ? [] : [entry.apiKey]));
    const baseUrl =
      envBaseUrl !== undefined && envBaseUrl !== ""
        ? parseBaseUrl(`${prefix}_BASE_URL`, envBaseUrl)
        : entry?.baseUrl?.replace(/\/+$/, "");
    if (entry?.enabled === false || apiKeys.length === 0) continue;
    providers.push({
      name: definition.type,
      kind: definition.type,
      apiKeys,
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(entry?.headers === undefined ? {} : { headers: entry.headers }),
      ...(entry?.settings === undefined ? {} : { settings: entry.settings }),
    });
  }
  const environmentNames = new Set<string>(fromEnvironment.map((definition) => definition.type));
  for (const [name, entry] of Object.entries(fileEntries)) {
    if (environmentNames.has(name) || entry.enabled === false) continue;
    const kind = entry.type ?? (registry.get(name) !== undefined ? name : "openai-compatible");
    const definition = registry.get(kind);
    if (definition === undefined)
      throw new ConfigError(
        `config file providers.${name}.type: expected one of ${registry.definitions.map((known) => known.type).join(", ")}`,
      );
    if (name !== kind && definition.namedInstances !== true)
      throw new ConfigError(
        `config file providers.${name}.type: '${kind}' takes no custom name; configure it as providers.${kind}`,
      );
    if (entry.baseUrl === undefined && definition.defaultBaseUrl === undefined)
      throw new ConfigError(`config file providers.${name}.baseUrl: is required for a ${kind} provider`);
    const apiKeys = entry.apiKeys ?? (entry.apiKey === undefined ? [""] : [entry.apiKey]);
    providers.push({
      name,
      kind,
      apiKeys,
      ...(entry.baseUrl === undefined ? {} : { baseUrl: entry.baseUrl.replace(/\/+$/, "") }),
      ...(entry.preset === undefined ? {} : { preset: entry.preset }),
      ...(entry.headers === undefined ? {} : { headers: entry.headers }),
      ...(entry.settings === undefined ? {} : { settings: entry.settings }),
    });
  }
  return providers;
}

/** Whether a host name or address is the loopback interface. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function positiveIntegerFromEnv(env: ConfigSources["env"], variable: string): number | undefined {
  const value = env[variable];
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new ConfigError(`${variable}: expected a positive integer`);
  return Number(value);
}

/** The environment variables of the time limits, and the `limits` key each sets. */
const TIMEOUT_VARIABLES = [
  ["SWITCHYARD_BODY_TIMEOUT_MS", "bodyTimeoutMs"],
  ["SWITCHYARD_FIRST_BYTE_TIMEOUT_MS", "firstByteTimeoutMs"],
  ["SWITCHYARD_WHOLE_ANSWER_TIMEOUT_MS", "wholeAnswerTimeoutMs"],
  ["SWITCHYARD_STREAM_IDLE_TIMEOUT_MS", "streamIdleTimeoutMs"],
  ["SWITCHYARD_UPSTREAM_QUEUE_TIMEOUT_MS", "upstreamQueueTimeoutMs"],
] as const satisfies readonly (readonly [string, keyof ServerLimits])[];

/**
 * Loads and validates the configuration: the config file (from `--config` or `SWITCHYARD_CONFIG`) first,
 * then the environment variables of DESIGN.md, which win where both set the same thing.
 * Throws `ConfigError` naming the bad key.
 */
export function loadConfig(
  sources: ConfigSources,
  registry: ProviderRegistry = builtInProviderRegistry,
): ServerConfig {
  const path = configPathOf(sources);
  const file: ConfigFile = path === undefined ? {} : readConfigFile(path, sources);
  const env = sources.env;
  const host = env["HOST"] || file.host;
  const port = env["PORT"] ? parsePort(env["PORT"]) : (file.port ?? DEFAULT_PORT);
  const clientKeys = clientKeysOf(file, env);
  const bodyBytes = positiveIntegerFromEnv(env, "SWITCHYARD_BODY_LIMIT_BYTES");
  const upstreamConnections = positiveIntegerFromEnv(env, "SWITCHYARD_UPSTREAM_CONNECTIONS");
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...file.limits };
  if (bodyBytes !== undefined) limits.bodyBytes = bodyBytes;
  if (upstreamConnections !== undefined) limits.upstreamConnections = upstreamConnections;
  for (const [variable, key] of TIMEOUT_VARIABLES) {
    const value = positiveIntegerFromEnv(env, variable);
    if (value !== undefined) limits[key] = value;
  }
  const level = env["LOG_LEVEL"] || file.logging?.level || "info";
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  if (!levels.includes(level)) throw new ConfigError(`LOG_LEVEL: expected one of ${levels.join(", ")}`);
  // With no client keys the gateway is open to anyone who reaches it, so it listens on loopback only.
  const open = clientKeys.length === 0;
  let store: StoreConfig;
  try {
    store = storeConfigOf(file.store, env);
  } catch (error) {
    if (error instanceof StoreConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const ignoredHost = open && host !== undefined && !isLoopback(host) ? host : undefined;
  return {
    host: open ? (host !== undefined && isLoopback(host) ? host : "127.0.0.1") : (host ?? "0.0.0.0"),
    ...(ignoredHost === undefined ? {} : { ignoredHost }),
    port,
    clientKeys,
    providers: providersOf(file, env, registry),
    ...(file.catalog === undefined ? {} : { catalog: file.catalog }),
    modelAliases: file.modelAliases ?? {},
    limits,
    websocket: { ...DEFAULT_WEBSOCKET_LIMITS, maxMessageBytes: limits.bodyBytes, ...file.websocket },
    logging: {
      level,
      logContent: env["SWITCHYARD_LOG_CONTENT"] === "true" || (file.logging?.logContent ?? false),
    },
    discovery: {
      enabled: file.discovery?.enabled ?? true,
      refreshIntervalMs: file.discovery?.refreshIntervalMs ?? 600_000,
      timeoutMs: file.discovery?.timeoutMs ?? 10_000,
    },
    store,
  };
}
