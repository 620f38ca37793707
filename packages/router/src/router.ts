import {
  type ChatUsage,
  type Clock,
  invalidRequest,
  type RoutingMetadata,
  systemClock,
} from "@switchyard/core";
import { mergeAddedModels } from "./add-models";
import { AffinityStore, type AffinityStoreOptions } from "./affinity-store";
import { CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker";
import { computeCost } from "./cost";
import { runFailover } from "./failover";
import { HealthTracker, type HealthTrackerOptions } from "./health-tracker";
import { KeyPool, type KeyPoolOptions } from "./key-pool";
import { ModelResolver } from "./resolve-model";
import type {
  AttemptTarget,
  CanonicalModel,
  CompletionReport,
  Offering,
  RouteRequest,
  Router,
  RouterOptions,
  RouteSuccess,
} from "./router-types";
import { type Candidate, offeringKey, selectCandidates } from "./select-candidates";

/** `RouterOptions` plus the tuning of health, breakers, key pools and cache affinity (all optional). */
export interface CreateRouterOptions extends RouterOptions {
  health?: HealthTrackerOptions;
  breaker?: CircuitBreakerOptions;
  keyPool?: KeyPoolOptions;
  affinity?: AffinityStoreOptions;
  /** An affinity is honoured only while the offering's error rate stays below this (default 0.5). */
  affinityMaxErrorRate?: number;
}

/** What the router remembers of a success it returned, for `complete`. */
interface SuccessRecord {
  candidate: Candidate;
  attemptStartedAt: number;
  affinityKey?: string;
}

/**
 * The router's default time limits. An attempt's limit sits well inside the total budget, so a hung first
 * candidate leaves time for the others: three stream attempts, or two whole ones, fit in the budget.
 */
export const DEFAULT_ROUTER_TIMEOUTS = {
  maxTotalMs: 120_000,
  firstByteTimeoutMs: 30_000,
  wholeAnswerTimeoutMs: 60_000,
} as const;

const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * Creates a router over a catalog and a set of providers. Selection, failover, health, circuit breakers, key
 * pools and cache affinity all live in the returned object; nothing is global. Time and randomness come
 * from `clock` and `random`, so every decision is reproducible in tests.
 */
export function createRouter(options: CreateRouterOptions): Router {
  const clock: Clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 3;
  const maxTotalMs = options.maxTotalMs ?? DEFAULT_ROUTER_TIMEOUTS.maxTotalMs;
  const firstByteTimeoutMs = options.firstByteTimeoutMs ?? DEFAULT_ROUTER_TIMEOUTS.firstByteTimeoutMs;
  const wholeAnswerTimeoutMs = options.wholeAnswerTimeoutMs ?? DEFAULT_ROUTER_TIMEOUTS.wholeAnswerTimeoutMs;
  const affinityMaxErrorRate = options.affinityMaxErrorRate ?? 0.5;
  let models = options.models;
  const health = new HealthTracker(clock, options.health);
  const affinity = new AffinityStore(options.affinity);
  const breakers = new Map<string, CircuitBreaker>();
  const records = new WeakMap<RouteSuccess<unknown>, SuccessRecord>();

  const registrations = new Map<
    string,
    { provider: RouterOptions["providers"][number]["provider"]; pool: KeyPool }
  >();
  for (const registration of options.providers) {
    const name = registration.provider.name;
    if (registrations.has(name))
      throw new Error(`provider '${name}' is registered twice; give each a unique name`);
    // A provider without keys (a local server) gets one empty key, so the pool logic stays uniform.
    const keys = registration.apiKeys.length > 0 ? registration.apiKeys : [""];
    registrations.set(name, { provider: registration.provider, pool: new KeyPool(keys, options.keyPool) });
  }
  const providerNames = new Set(registrations.keys());
  // Rebuilt when discovery adds models; `provider/unknown-model` passes through to configured providers.
  let resolver = new ModelResolver(models, { passThroughProviders: providerNames });
  const redact = (text: string): string => {
    let redacted = text;
    for (const { pool } of registrations.values()) redacted = pool.redact(redacted);
    return redacted;
  };
  const breakerFor = (key: string): CircuitBreaker => {
    let breaker = breakers.get(key);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(options.breaker);
      breakers.set(key, breaker);
    }
    return breaker;
  };

  /** Moves the offering that last served `affinityKey` to the front, if it is still eligible and healthy. */
  const withAffinity = (candidates: Candidate[], affinityKey: string | undefined): Candidate[] => {
    if (affinityKey === undefined) return candidates;
    const now = clock();
    const stuck = affinity.get(affinityKey, now);
    const position = candidates.findIndex((candidate) => candidate.key === stuck);
    if (position <= 0) return candidates;
    const candidate = candidates[position]!;
    const healthy =
      breakerFor(candidate.key).state(now) === "closed" &&
      health.get(candidate.key).errorRate < affinityMaxErrorRate;
    if (!healthy) return candidates;
    return [candidate, ...candidates.slice(0, position), ...candidates.slice(position + 1)];
  };

  const router: Router = {
    async route<T>(
      request: RouteRequest,
      attempt: (target: AttemptTarget) => Promise<T>,
      signal?: AbortSignal,
    ): Promise<RouteSuccess<T>> {
      const startedAt = clock();
      if (request.model !== undefined && request.models !== undefined) {
        throw invalidRequest(
          "'model' and 'gateway.models' are mutually exclusive; send one of them",
          "gateway.models",
        );
      }
      const names = request.models ?? (request.model !== undefined ? [request.model] : []);
      if (names.length === 0) throw invalidRequest("required unless 'gateway.models' is set", "model");
      const resolved = names.map((name) => resolver.resolve(name));
      const selection = selectCandidates(resolved, request, {
        providers: providerNames,
        capabilities: (name) => registrations.get(name)?.provider.capabilities,
        health: (key) => health.get(key),
        random,
      });
      const candidates = withAffinity(selection.candidates, request.affinityKey);
      const outcome = await runFailover(
        candidates,
        attempt,
        {
          clock,
          maxAttempts: request.routing?.allow_fallbacks === false ? 1 : maxAttempts,
          maxTotalMs,
          attemptTimeoutMs: request.requirements.streaming ? firstByteTimeoutMs : wholeAnswerTimeoutMs,
          streaming: request.requirements.streaming,
          startedAt,
          health,
          breakerFor,
          poolFor: (provider) => registrations.get(provider)!.pool,
          providerFor: (provider) => registrations.get(provider)!.provider,
          redact,
        },
        signal,
      );
      if (request.affinityKey !== undefined)
        affinity.set(request.affinityKey, outcome.candidate.key, clock());
      const success: RouteSuccess<T> = {
        value: outcome.value,
        target: outcome.target,
        strategy: selection.strategy,
        attempts: outcome.attempts,
        warnings: outcome.warnings,
        startedAt,
      };
      records.set(success, {
        candidate: outcome.candidate,
        attemptStartedAt: outcome.attemptStartedAt,
        ...(request.affinityKey !== undefined && { affinityKey: request.affinityKey }),
      });
      return success;
    },

    complete(success: RouteSuccess<unknown>, report: CompletionReport): RoutingMetadata {
      const offering = success.target.offering;
      const key = offeringKey(offering);
      const record = records.get(success);
      const attemptOffsetMs = record ? record.attemptStartedAt - success.startedAt : 0;
      let throughput: number | undefined;
      const outputTokens = report.usage?.completion_tokens ?? 0;
      if (report.failed === true) {
        breakerFor(key).onFailure(clock());
        health.recordFailure(key);
        if (record?.affinityKey !== undefined) affinity.drop(record.affinityKey, key);
      } else {
        const generationMs =
          report.ttftMs !== undefined && report.durationMs > report.ttftMs
            ? report.durationMs - report.ttftMs
            : report.durationMs - attemptOffsetMs;
        if (outputTokens > 0 && generationMs > 0) throughput = (outputTokens * 1000) / generationMs;
        health.recordTiming(key, {
          ...(report.ttftMs !== undefined && { ttftMs: report.ttftMs - attemptOffsetMs }),
          ...(throughput !== undefined && { tokensPerSecond: throughput }),
        });
      }
      const metadata: RoutingMetadata = {
        provider: offering.provider,
        provider_model_id: offering.providerModelId,
        model_canonical: offering.canonicalId,
        routing_strategy: success.strategy,
      };
      if (report.ttftMs !== undefined) metadata.ttft_ms = Math.round(report.ttftMs);
      if (throughput !== undefined) metadata.throughput_tps = roundTo(throughput, 1);
      const warnings = [...success.warnings, ...(report.warnings ?? [])];
      if (report.usage) {
        if (offering.unpriced === true) {
          metadata.cost = null;
          warnings.push({
            type: "cost",
            code: "unknown_price",
            message: `no price is known for '${offering.providerModelId}' at '${offering.provider}': cost not computed`,
          });
        } else {
          // Prices that vary by time of day apply at the moment the request was made.
          metadata.cost = computeCost(offering, report.usage, success.startedAt);
        }
      }
      metadata.warnings = warnings;
      metadata.attempts = success.attempts;
      return metadata;
    },

    cost: (offering: Offering, usage: ChatUsage, at?: number) => computeCost(offering, usage, at ?? clock()),
    models: () => models,
    resolve: (model: string) => resolver.resolve(model),
    addModels(added: CanonicalModel[]) {
      const merged = mergeAddedModels(models, added);
      if (merged.added.length === 0) return [];
      models = merged.models;
      resolver = new ModelResolver(models, { passThroughProviders: providerNames });
      return merged.added;
    },
  };
  return router;
}
