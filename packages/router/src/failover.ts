import {
  type Clock,
  GatewayError,
  type ModelInfo,
  type Provider,
  type RoutingAttempt,
  toGatewayError,
  type Warning,
} from "@switchyard/core";
import type { CircuitBreaker } from "./circuit-breaker";
import type { HealthTracker } from "./health-tracker";
import type { KeyPool } from "./key-pool";
import { isLocalFault, localFaultError } from "./local-fault";
import type { AttemptTarget, Offering } from "./router-types";
import type { Candidate } from "./select-candidates";
import { UNKNOWN_LIMIT } from "./unknown-offering";

/** What the failover loop needs from the router. */
export interface FailoverContext {
  clock: Clock;
  maxAttempts: number;
  maxTotalMs: number;
  startedAt: number;
  health: HealthTracker;
  breakerFor(key: string): CircuitBreaker;
  poolFor(provider: string): KeyPool;
  providerFor(name: string): Provider;
  /** Removes every API key of every pool from a text. */
  redact(text: string): string;
}

/** A successful attempt and the record of how it was reached. */
export interface FailoverSuccess<T> {
  value: T;
  target: AttemptTarget;
  candidate: Candidate;
  attempts: RoutingAttempt[];
  warnings: Warning[];
  attemptStartedAt: number;
}

/**
 * Whether an error is worth another candidate: anything the provider marked retryable (connect errors,
 * timeouts, 408, 409, 425, 429, 5xx, 529), plus overloaded and timeout errors whatever their status.
 */
export function isFailoverError(error: GatewayError): boolean {
  return error.retryable || error.type === "overloaded_error" || error.type === "timeout_error";
}

/** What providers need to know of the model being called. */
export function modelInfoOf(offering: Offering): ModelInfo {
  return {
    canonicalId: offering.canonicalId,
    // Limits of a model the catalog does not know are left out: the provider's own default applies.
    ...(offering.maxOutputTokens === UNKNOWN_LIMIT ? {} : { maxOutputTokens: offering.maxOutputTokens }),
    ...(offering.contextWindow === UNKNOWN_LIMIT ? {} : { contextWindow: offering.contextWindow }),
    reasoning: offering.capabilities.reasoning,
    responsesOnly: !offering.endpoints.includes("chat"),
  };
}

const attemptRecord = (
  offering: Offering,
  outcome: RoutingAttempt["outcome"],
  details: Omit<RoutingAttempt, "provider" | "provider_model_id" | "model_canonical" | "outcome"> = {},
): RoutingAttempt => ({
  provider: offering.provider,
  provider_model_id: offering.providerModelId,
  model_canonical: offering.canonicalId,
  outcome,
  ...details,
});

function fallbackWarning(offering: Offering, error: GatewayError): Warning {
  return {
    type: "fallback",
    code: offering.provider,
    message:
      `Provider '${offering.provider}' failed for '${offering.canonicalId}' ` +
      `(${error.status} ${error.code ?? error.type}); the request went to the next candidate.`,
  };
}

/** The same error with every API key removed from its message. */
function redacted(error: GatewayError, redact: (text: string) => string): GatewayError {
  const message = redact(error.message);
  if (message === error.message) return error;
  return new GatewayError({
    status: error.status,
    message,
    type: error.type,
    code: error.code,
    param: error.param,
    retryable: error.retryable,
    ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
    ...(error.provider !== undefined && { provider: error.provider }),
  });
}

const clientAborted = (): GatewayError =>
  new GatewayError({
    status: 499,
    type: "client_closed_request",
    message: "The client aborted the request.",
    retryable: false,
  });

/**
 * Calls `attempt` on each candidate in turn until one succeeds. Each attempt gets a key from the provider's
 * pool and passes the offering's circuit breaker; an offering whose breaker is open, or whose keys all rest,
 * is recorded as `skipped` and does not count against `maxAttempts`. A failover error moves on; any other
 * error is thrown at once. After a 429 or 401 the same offering goes back to the end of the queue while its
 * provider has another usable key (bounded, like everything else, by `maxAttempts`). When nothing succeeds the last error is thrown, or a retryable 503 when
 * every candidate was skipped.
 */
export async function runFailover<T>(
  candidates: readonly Candidate[],
  attempt: (target: AttemptTarget) => Promise<T>,
  context: FailoverContext,
  signal?: AbortSignal,
): Promise<FailoverSuccess<T>> {
  const queue = [...candidates];
  const attempts: RoutingAttempt[] = [];
  const warnings: Warning[] = [];
  let attemptsMade = 0;
  let lastError: GatewayError | undefined;
  let retryAt: number | undefined;
  const noteRetryAt = (at: number | undefined) => {
    if (at !== undefined) retryAt = retryAt === undefined ? at : Math.min(retryAt, at);
  };

  while (queue.length > 0 && attemptsMade < context.maxAttempts) {
    if (signal?.aborted) throw clientAborted();
    const candidate = queue.shift()!;
    const { offering } = candidate;
    const now = context.clock();
    const remainingMs = context.maxTotalMs - (now - context.startedAt);
    if (remainingMs <= 0) break;
    const pool = context.poolFor(offering.provider);
    if (!pool.hasUsableKey(now)) {
      attempts.push(attemptRecord(offering, "skipped", { error_code: "no_usable_key" }));
      noteRetryAt(pool.nextUsableAt());
      continue;
    }
    const breaker = context.breakerFor(candidate.key);
    if (!breaker.tryAcquire(now)) {
      attempts.push(attemptRecord(offering, "skipped", { error_code: "circuit_open" }));
      noteRetryAt(breaker.retryAt());
      continue;
    }
    const pooled = pool.acquire(now)!;
    attemptsMade += 1;

    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    // The error is built only when the budget runs out: an Error per request costs a stack trace.
    const timer = setTimeout(
      () =>
        controller.abort(
          new GatewayError({
            status: 504,
            type: "timeout_error",
            code: "routing_timeout",
            message: `The routing time budget of ${context.maxTotalMs} ms ran out.`,
            retryable: false,
          }),
        ),
      remainingMs,
    );
    const target: AttemptTarget = {
      offering,
      provider: context.providerFor(offering.provider),
      apiKey: pooled.key,
      modelInfo: modelInfoOf(offering),
      signal: controller.signal,
    };
    const attemptStartedAt = context.clock();
    try {
      const value = await attempt(target);
      breaker.onSuccess();
      context.health.recordSuccess(candidate.key);
      attempts.push(attemptRecord(offering, "success", { duration_ms: context.clock() - attemptStartedAt }));
      return { value, target, candidate, attempts, warnings, attemptStartedAt };
    } catch (thrown) {
      if (signal?.aborted) {
        // Nothing was learned about the offering: hand back a half-open probe so it is not stuck in flight.
        breaker.release(context.clock());
        throw clientAborted();
      }
      const failedAt = context.clock();
      if (isLocalFault(thrown)) {
        // The gateway's own code failed (on the client's input, say): no upstream answered, so the
        // offering's breaker, health and keys learn nothing, and no other candidate is tried.
        breaker.release(failedAt);
        attempts.push(
          attemptRecord(offering, "failed", {
            status: 500,
            error_code: "internal_error",
            duration_ms: failedAt - attemptStartedAt,
          }),
        );
        throw localFaultError(offering.provider, thrown);
      }
      const budgetRanOut =
        controller.signal.aborted &&
        controller.signal.reason instanceof GatewayError &&
        controller.signal.reason.code === "routing_timeout";
      const error = redacted(
        budgetRanOut ? controller.signal.reason : toGatewayError(thrown),
        context.redact,
      );
      attempts.push(
        attemptRecord(offering, "failed", {
          status: error.status,
          error_code: error.code ?? error.type,
          duration_ms: failedAt - attemptStartedAt,
        }),
      );
      const keyScoped = error.status === 401 || error.status === 429;
      if (error.status === 429) pool.onRateLimited(pooled.index, failedAt, error.retryAfterMs);
      if (error.status === 401) pool.onUnauthorized(pooled.index);
      if (!keyScoped && !isFailoverError(error)) {
        // The upstream answered (a 400, say): it is alive, and the request is at fault, not the offering.
        breaker.onSuccess();
        throw error;
      }
      if (keyScoped) {
        // A key problem says nothing about the offering's health: free the probe without a verdict.
        breaker.release(failedAt);
        if (error.status === 429) context.health.recordFailure(candidate.key);
        if (pool.hasUsableKey(failedAt)) queue.push(candidate);
      } else {
        breaker.onFailure(failedAt);
        context.health.recordFailure(candidate.key);
      }
      lastError = error;
      warnings.push(fallbackWarning(offering, error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  if (lastError !== undefined) throw lastError;
  const now = context.clock();
  throw new GatewayError({
    status: 503,
    type: "overloaded_error",
    code: "no_available_provider",
    message: "Every candidate provider is cooling down or out of usable API keys; try again later.",
    retryable: true,
    ...(retryAt !== undefined && { retryAfterMs: Math.max(0, retryAt - now) }),
  });
}
