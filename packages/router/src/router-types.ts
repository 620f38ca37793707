import type {
  ChatUsage,
  Clock,
  GatewayRouting,
  ModelInfo,
  Provider,
  RoutingAttempt,
  RoutingCost,
  RoutingMetadata,
  Warning,
} from "@switchyard/core";
import type { ModelMatch } from "./price-snapshot";

/** Token prices in USD per million tokens: one price set. */
export interface TokenPrices {
  input: number;
  output: number;
  /** Cached input tokens (cache hits); `input` when absent. */
  cacheRead?: number;
  /** Input tokens written to the cache (Anthropic: the 5-minute TTL); `input` when absent. */
  cacheWrite?: number;
  /** Input tokens written to the cache with the 1-hour TTL (Anthropic); `cacheWrite` when absent. */
  cacheWrite1h?: number;
}

/** A long-context tier: when a request's prompt exceeds `aboveInputTokens`, all its tokens use these prices. */
export interface PriceTier extends TokenPrices {
  aboveInputTokens: number;
}

/**
 * Prices in effect during a daily window (`from` inclusive, `to` exclusive, `HH:MM`), on the local clock at
 * `utcOffsetMinutes` (default 0: UTC), and only on `weekdays` (1 = Monday ... 7 = Sunday, local) when given.
 */
export interface TimeOfDayPrices extends TokenPrices {
  from: string;
  to: string;
  utcOffsetMinutes?: number;
  weekdays?: number[];
}

/**
 * Prices of an offering in USD per million tokens (the base set), plus what depends on the request:
 * long-context `tiers`, `timeOfDay` windows (a matching window replaces the base set and its tiers), and
 * per-request fees of server tools.
 */
export interface OfferingPrices extends TokenPrices {
  tiers?: PriceTier[];
  timeOfDay?: TimeOfDayPrices[];
  /** USD per 1,000 web searches made by the provider's server-side web search tool. */
  webSearchPerThousand?: number;
}

/** What an offering can do; a request that needs a missing capability never routes to it. */
export interface OfferingCapabilities {
  tools: boolean;
  parallelTools: boolean;
  vision: boolean;
  jsonSchema: boolean;
  reasoning: boolean;
  streaming: boolean;
  logprobs: boolean;
}

/** The endpoints an offering serves natively: chat, responses, or both. */
export type OfferingEndpoint = "chat" | "responses";

/** One canonical model served by one provider. */
export interface Offering {
  canonicalId: string;
  provider: string;
  providerModelId: string;
  prices: OfferingPrices;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: OfferingCapabilities;
  /** Endpoints the upstream speaks. `["responses"]` alone marks a Responses-only model. */
  endpoints: OfferingEndpoint[];
  /**
   * Other ids the provider serves this same model under (dated snapshots such as `gpt-4o-2024-08-06`). A
   * request naming one is sent upstream under that id, unchanged.
   */
  versions?: string[];
  /** The price data's rule of the ids priced as this model: a `provider/id` it matches is served here as written. */
  priceMatch?: ModelMatch;
  /**
   * Set on offerings the catalog has no price for (a `provider/model` pass-through, a discovered model):
   * their cost is `null` with an `unknown_price` warning. `prices` then holds zeros for routing only.
   */
  unpriced?: boolean;
  /** Where the entry came from when it is not the built-in catalog: `discovered` from the provider's list. */
  source?: "discovered" | "pass-through";
}

/** A canonical model and the offerings that serve it. */
export interface CanonicalModel {
  id: string;
  ownedBy: string;
  aliases: string[];
  offerings: Offering[];
}

/** What a request needs from an offering, derived from the request itself. */
export interface RequestRequirements {
  tools: boolean;
  parallelTools: boolean;
  vision: boolean;
  jsonSchema: boolean;
  logprobs: boolean;
  streaming: boolean;
  /** Estimated prompt size, for the context-window filter. */
  estimatedInputTokens: number;
  maxOutputTokens?: number;
}

/** The routing question: which models, which endpoint, what objective and limits. */
export interface RouteRequest {
  /** A single model id (canonical, alias, or `provider/model`). Exclusive with `models`. */
  model?: string;
  /** `gateway.models`: ordered candidates. */
  models?: string[];
  routing?: GatewayRouting;
  /** The client's endpoint. */
  endpoint: OfferingEndpoint;
  requirements: RequestRequirements;
  /** `prompt_cache_key`, or a key derived from `user` plus the conversation prefix, for cache affinity. */
  affinityKey?: string;
}

/** A provider the router may call, with its pool of API keys. */
export interface ProviderRegistration {
  provider: Provider;
  apiKeys: string[];
}

/** One attempt target handed to the caller's attempt function. */
export interface AttemptTarget {
  offering: Offering;
  provider: Provider;
  apiKey: string;
  /** What providers need to know of the model (max output tokens, reasoning, Responses-only). */
  modelInfo: ModelInfo;
  /**
   * Aborted when the router gives up on this attempt (its time limit or the total budget) or the caller's
   * signal aborts, and by `abort`.
   */
  signal: AbortSignal;
  /**
   * Aborts `signal` with `reason`, also after the routing returned: how the caller ends a stream's upstream
   * call (an idle stream, a server shutting down) while its provider waits on the network.
   */
  abort(reason: unknown): void;
}

/**
 * A successful routing. `value` is what the attempt function returned. For a stream, the attempt function
 * resolves once the first chunk arrived, so a stream that fails before its first byte still fails over.
 */
export interface RouteSuccess<T> {
  value: T;
  target: AttemptTarget;
  /** The objective used, for `routing_metadata.routing_strategy`. */
  strategy: string;
  /** Every attempt, failed ones first. */
  attempts: RoutingAttempt[];
  /** Warnings from fallbacks taken (one per failed attempt that was skipped over). */
  warnings: Warning[];
  /** Clock time when routing started, for ttft and throughput. */
  startedAt: number;
}

/** What the caller observed once an answer was fully delivered, to update health and compute cost. */
export interface CompletionReport {
  usage?: ChatUsage | null;
  /** Time from routing start to the first byte of the answer. */
  ttftMs?: number;
  /** Time from routing start to the end of the answer. */
  durationMs: number;
  /** Set when the answer failed after it had started (a mid-stream error). */
  failed?: boolean;
  /** Translation warnings to add to `routing_metadata.warnings`. */
  warnings?: Warning[];
}

/** The router: selection, failover, health and cost. Deterministic under the injected clock and random. */
export interface Router {
  /**
   * Picks candidates and calls `attempt` on each in turn until one succeeds or none is left. Retryable
   * `GatewayError`s fail over; others are thrown at once. Throws `model_not_found` (404) for unknown models.
   */
  route<T>(
    request: RouteRequest,
    attempt: (target: AttemptTarget) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<RouteSuccess<T>>;
  /** Records the outcome of a delivered answer and returns the `routing_metadata` to send. */
  complete(success: RouteSuccess<unknown>, report: CompletionReport): RoutingMetadata;
  /** Cost of a usage at an offering's prices, for a request made at `at` (default: now on the clock). */
  cost(offering: Offering, usage: ChatUsage, at?: number): RoutingCost;
  /** The canonical models of the catalog. */
  models(): CanonicalModel[];
  /** Resolves a model id (canonical, alias or `provider/model`) or throws `model_not_found`. */
  resolve(model: string): CanonicalModel;
  /**
   * Adds models to the catalog (discovered from a provider's model list); those whose id or alias the
   * catalog already has are skipped. Returns the ones added.
   */
  addModels(models: CanonicalModel[]): CanonicalModel[];
}

/** Options of `createRouter`. */
export interface RouterOptions {
  models: CanonicalModel[];
  providers: ProviderRegistration[];
  clock?: Clock;
  /** Returns a number in [0, 1); injected so selection ties and key spreading are deterministic in tests. */
  random?: () => number;
  /** Most attempts per request (default 3). */
  maxAttempts?: number;
  /** Total time budget across attempts in ms (default 120000). */
  maxTotalMs?: number;
  /**
   * Longest one attempt of a streamed request may take to deliver its first event, in ms (default 30000);
   * a slower one fails over to the next candidate.
   */
  firstByteTimeoutMs?: number;
  /** Longest one attempt of a whole (non-streamed) request may take, in ms (default 60000); then it fails over. */
  wholeAnswerTimeoutMs?: number;
}
