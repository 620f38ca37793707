import { z } from "zod";
import { StoreFileSchema } from "./store-config";

/** A provider package's config `type` (checked against the server's provider registry). */
export const ProviderKindSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "expected a provider type such as 'openai'");

/** One upstream provider in the config file. */
export const ProviderFileEntrySchema = z.strictObject({
  /** Which provider package serves it: its registered type; the entry's name when that names a type, else `openai-compatible`. */
  type: ProviderKindSchema.optional(),
  /** One upstream key, or `apiKeys` for a pool the router spreads requests over. */
  apiKey: z.string().min(1).optional(),
  apiKeys: z.array(z.string().min(1)).min(1).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** `openai-compatible` only: a preset name (groq, together, fireworks, mistral, xai, vllm, ollama, llamacpp). */
  preset: z.string().min(1).optional(),
  /** Extra headers sent on every upstream request. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Settings of the provider package itself, validated by its registry entry. */
  settings: z.record(z.string(), z.unknown()).optional(),
  /** `false` turns a provider off even when its environment key is set. */
  enabled: z.boolean().optional(),
});

/** A client key: the bare `ak_...` string, or the key with a display name. */
export const ClientKeyFileEntrySchema = z.union([
  z.string().startsWith("ak_", { message: "client keys must start with 'ak_'" }),
  z.strictObject({
    key: z.string().startsWith("ak_", { message: "client keys must start with 'ak_'" }),
    name: z.string().min(1).max(100).optional(),
  }),
]);

/** Limits of the server; every field has a default. */
export const LimitsFileSchema = z.strictObject({
  /** Largest request body in bytes (default 32 MiB); larger bodies get a 413. */
  bodyBytes: z.number().int().positive().optional(),
  /** Longest time a request body may take to arrive, in ms (default 60000); a slower one gets a 408. */
  bodyTimeoutMs: z.number().int().positive().optional(),
  /** Deepest nesting of objects and arrays in a request body (default 64). */
  maxNestingDepth: z.number().int().min(2).optional(),
  /** Longest `model` and `gateway.models` entry, in characters (default 256). */
  maxModelNameLength: z.number().int().positive().optional(),
  /** Most entries in `gateway.models` (default 16). */
  maxGatewayModels: z.number().int().positive().optional(),
  /** Most entries in `tools` (default 512). */
  maxTools: z.number().int().positive().optional(),
  /** Most entries in `messages` or an `input` list (default 100000). */
  maxMessages: z.number().int().positive().optional(),
  /** Keep-alive connections per upstream origin; keep it at or above the expected concurrent streams. */
  upstreamConnections: z.number().int().min(1).optional(),
  /** How long an upstream may take to send response headers, in ms. */
  upstreamHeadersTimeoutMs: z.number().int().positive().optional(),
  /** Longest silence between two upstream body chunks, in ms. */
  upstreamBodyTimeoutMs: z.number().int().positive().optional(),
  /** Largest whole (non-streamed) upstream answer in bytes (default 32 MiB); beyond it the attempt is a 502. */
  upstreamAnswerBytes: z.number().int().positive().optional(),
  /** How long graceful shutdown waits for in-flight requests, in ms. */
  shutdownDeadlineMs: z.number().int().nonnegative().optional(),
  /** Most provider attempts per request (router failover). */
  maxAttempts: z.number().int().min(1).optional(),
  /** Total time budget across attempts, in ms. */
  maxTotalMs: z.number().int().positive().optional(),
  /** Idle time after which a translated `/v1/messages` stream gets a `ping` event, in ms (default 15000). */
  pingIntervalMs: z.number().int().positive().optional(),
  /** Per attempt of a streamed request: longest wait for the first event, in ms (default 30000). */
  firstByteTimeoutMs: z.number().int().positive().optional(),
  /** Per attempt of a whole request: longest wait for the answer, in ms (default 60000). */
  wholeAnswerTimeoutMs: z.number().int().positive().optional(),
  /** Longest silence between two events of a started stream, in ms (default 60000). */
  streamIdleTimeoutMs: z.number().int().positive().optional(),
  /** Longest wait for a free upstream connection when all of an origin's are busy, in ms (default 10000). */
  upstreamQueueTimeoutMs: z.number().int().positive().optional(),
});

/** Limits of WebSocket mode on `/v1/responses` (all optional; see the server README for the defaults). */
export const WebSocketFileSchema = z.strictObject({
  /** Turns WebSocket mode off; the upgrade then gets a 404 like any unknown path. */
  enabled: z.boolean().optional(),
  /** Largest client message in bytes (default: `limits.bodyBytes`); larger closes with 1009. */
  maxMessageBytes: z.number().int().positive().optional(),
  /** Time without a client message or a response in flight after which the connection closes, in ms. */
  idleTimeoutMs: z.number().int().positive().optional(),
  /** Longest life of one connection, in ms (OpenAI's is 60 minutes). */
  maxConnectionMs: z.number().int().positive().optional(),
  /** Interval of the server's pings, in ms; a client that has not answered the last one is cut. */
  pingIntervalMs: z.number().int().positive().optional(),
  /** Bytes the socket may hold unsent before the gateway stops reading from the upstream. */
  maxBufferedBytes: z.number().int().positive().optional(),
  /** Responses the connection-local cache keeps for `previous_response_id`. */
  maxCachedResponses: z.number().int().min(1).optional(),
  /** Streams (`stream_id` lanes) one connection may have at once. */
  maxStreams: z.number().int().min(1).optional(),
  /** `response.create` messages one connection may have waiting behind running ones. */
  maxQueuedRequests: z.number().int().min(0).optional(),
  /** Steering submissions one response may hold queued. */
  maxPendingSteers: z.number().int().min(1).optional(),
});

/** Logging settings. */
export const LoggingFileSchema = z.strictObject({
  level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** Log prompts and completions on the request line. Off by default; turn on only where that is allowed. */
  logContent: z.boolean().optional(),
});

/** Reading the configured providers' model lists (at start-up, then every `refreshIntervalMs`). */
export const DiscoveryFileSchema = z.strictObject({
  /** Off: only the catalog's models (and `provider/model` pass-through) are served. Default on. */
  enabled: z.boolean().optional(),
  /** How often the lists are read again, in ms; 0 reads them at start-up only. Default 600000 (10 min). */
  refreshIntervalMs: z.number().int().nonnegative().optional(),
  /** How long one provider's list may take, in ms. Default 10000. */
  timeoutMs: z.number().int().positive().optional(),
});

/** The config file (`--config` or `SWITCHYARD_CONFIG`), JSON. Unknown keys are errors, so typos surface. */
export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  host: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  clientKeys: z.array(ClientKeyFileEntrySchema).optional(),
  providers: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/), ProviderFileEntrySchema).optional(),
  /** Catalog changes, `{ models?: [...], remove?: [...] }`, validated by the router's `mergeModels`. */
  catalog: z.unknown().optional(),
  /** Model names the client may send, mapped to catalog ids: `{ "gpt-4": "gpt-4o" }`. */
  modelAliases: z.record(z.string().min(1), z.string().min(1)).optional(),
  limits: LimitsFileSchema.optional(),
  websocket: WebSocketFileSchema.optional(),
  logging: LoggingFileSchema.optional(),
  discovery: DiscoveryFileSchema.optional(),
  /** Stored responses and conversations (see `StoreFileSchema`). */
  store: StoreFileSchema.optional(),
});

/** The parsed config file. */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
/** One provider entry of the config file. */
export type ProviderFileEntry = z.infer<typeof ProviderFileEntrySchema>;
/** A provider package's config `type`. */
export type ProviderKind = z.infer<typeof ProviderKindSchema>;
