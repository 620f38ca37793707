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
import { isLocalFault, localFaultError, UPSTREAM_QUEUE_TIMEOUT_CODE } from "./local-fault";
import type { AttemptTarget, Offering } from "./router-types";
import type { Candidate } from "./select-candidates";
import { UNKNOWN_LIMIT } from "./unknown-offering";

/** What the failover loop needs from the router. */
export interface FailoverContext {
  clock: Clock;
  maxAttempts: number;
  maxTotalMs: number;
  /**
   * Longest one attempt may take, within the total budget: for a stream, until its first event (the
   * attempt function primes it); for a whole answer, until the answer is read. A slower attempt fails over.
   */
  attemptTimeoutMs: number;
  /** Whether the request streams: names the attempt limit in its error. */
  streaming: boolean;
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
    logprobs: offering.capabilities.logprobs,
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

/** A copy of an error with another message or retry-after. */
function changedError(
  error: GatewayError,
  changes: { message?: string; retryAfterMs?: number },
): GatewayError {
  const retryAfterMs = changes.retryAfterMs ?? error.retryAfterMs;
  return new GatewayError({
    status: error.status,
    message: changes.message ?? error.message,
    type: error.type,
    code: error.code,
    param: error.param,
    retryable: error.retryable,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    ...(error.provider !== undefined && { provider: error.provider }),
  });
}

/** The same error with every API key removed from its message. */
function redacted(error: GatewayError, redact: (text: string) => string): GatewayError {
  const message = redact(error.message);
  return message === error.message ? error : changedError(error, { message });
}

const budgetRanOutError = (maxTotalMs: number): GatewayError =>
  new GatewayError({
    status: 504,
    type: "timeout_error",
    code: "routing_timeout",
    message: `The routing time budget of ${maxTotalMs} ms ran out.`,
    retryable: false,
  });

/** The error of an attempt that ran past its limit: a timeout, so the next candidate is tried. */
const attemptTimedOut = (limitMs: number, streaming: boolean, provider: string): GatewayError =>
  new GatewayError({
    status: 504,
    type: "timeout_error",
    code: streaming ? "upstream_first_byte_timeout" : "upstream_timeout",
    message: streaming
      ? `Provider '${provider}' sent no first event within ${limitMs} ms.`
      : `Provider '${provider}' did not answer within ${limitMs} ms.`,
    retryable: true,
    provider,
  });

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
 * provider has another usable key (bounded, like everything else, by `maxAttempts`). A candidate whose keys
 * all rest after 429s is tried last, on the key that rests least, rather than not at all. When nothing
 * succeeds the last error is thrown (a 429 with a retry-after, the pool's default when the upstream sent
 * none); when no key could be tried because every one got 401, that upstream 401 with the time of the next
 * probe; a retryable 503 only when every candidate's circuit is open.
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
  /** Candidates skipped because every key of theirs rests: the last resort. */
  const resting: Candidate[] = [];
  let unauthorized: { error: GatewayError; probeAt: number } | undefined;
  const noteRetryAt = (at: number | undefined) => {
    if (at !== undefined) retryAt = retryAt === undefined ? at : Math.min(retryAt, at);
  };

  while ((queue.length > 0 || resting.length > 0) && attemptsMade < context.maxAttempts) {
    if (signal?.aborted) throw clientAborted();
    const lastResort = queue.length === 0;
    const candidate = lastResort ? resting.shift()! : queue.shift()!;
    const { offering } = candidate;
    const now = context.clock();
    const remainingMs = context.maxTotalMs - (now - context.startedAt);
    if (remainingMs <= 0) break;
    const pool = context.poolFor(offering.provider);
    if (!lastResort && !pool.hasUsableKey(now)) {
      attempts.push(attemptRecord(offering, "skipped", { error_code: "no_usable_key" }));
      noteRetryAt(pool.nextUsableAt());
      if (pool.hasRestingKey(now)) resting.push(candidate);
      else unauthorized ??= pool.unauthorizedAnswer();
      continue;
    }
    const breaker = context.breakerFor(candidate.key);
    if (!breaker.tryAcquire(now)) {
      attempts.push(attemptRecord(offering, "skipped", { error_code: "circuit_open" }));
      noteRetryAt(breaker.retryAt());
      continue;
    }
    const pooled = pool.acquire(now) ?? pool.acquireLeastResting(now);
    if (pooled === undefined) {
      breaker.release(now);
      continue;
    }
    attemptsMade += 1;

    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    // The per-attempt limit fails over; the total budget ends the routing. Either error is built only when
    // its timer fires: an Error per request costs a stack trace.
    const attemptLimited = context.attemptTimeoutMs < remainingMs;
    const timer = setTimeout(
      () =>
        controller.abort(
          attemptLimited
            ? attemptTimedOut(context.attemptTimeoutMs, context.streaming, offering.provider)
            : budgetRanOutError(context.maxTotalMs),
        ),
      attemptLimited ? context.attemptTimeoutMs : remainingMs,
    );
    // An attempt that ignores its signal is abandoned all the same when a timer fires.
    const abandoned = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
    });
    abandoned.catch(() => {});
    const target: AttemptTarget = {
      offering,
      provider: context.providerFor(offering.provider),
      apiKey: pooled.key,
      modelInfo: modelInfoOf(offering),
      signal: controller.signal,
      abort: (reason) => controller.abort(reason),
    };
    const attemptStartedAt = context.clock();
    try {
      const value = await Promise.race([attempt(target), abandoned]);
      breaker.onSuccess();
      pool.onAccepted(pooled.index);
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
      // A timer's own error says what ran out, whatever the provider made of the abort.
      const timedOut = controller.signal.aborted && controller.signal.reason instanceof GatewayError;
      const error = redacted(timedOut ? controller.signal.reason : toGatewayError(thrown), context.redact);
      attempts.push(
        attemptRecord(offering, "failed", {
          status: error.status,
          error_code: error.code ?? error.type,
          duration_ms: failedAt - attemptStartedAt,
        }),
      );
      const keyScoped = error.status === 401 || error.status === 429;
      if (error.status === 429) {
        pool.onRateLimited(pooled.index, failedAt, error.retryAfterMs);
        pool.onAccepted(pooled.index);
      }
      if (error.status === 401) pool.onUnauthorized(pooled.index, failedAt, error);
      if (!keyScoped && !isFailoverError(error)) {
        // The upstream answered (a 400, say): it is alive, and the request is at fault, not the offering.
        breaker.onSuccess();
        pool.onAccepted(pooled.index);
        throw error;
      }
      if (error.code === UPSTREAM_QUEUE_TIMEOUT_CODE) {
        // The gateway's own connections were all busy: nothing was sent, so the offering is not judged.
        breaker.release(failedAt);
      } else if (keyScoped) {
        // A key problem says nothing about the offering's health: free the probe without a verdict.
        breaker.release(failedAt);
        if (error.status === 429) context.health.recordFailure(candidate.key);
        if (pool.hasUsableKey(failedAt)) queue.push(candidate);
      } else {
        breaker.onFailure(failedAt);
        context.health.recordFailure(candidate.key);
      }
      // A 429 is answered with a retry-after: the upstream's, or how long the key now rests.
      lastError =
        error.status === 429 && error.retryAfterMs === undefined
          ? changedError(error, { retryAfterMs: pool.defaultRest })
          : error;
      warnings.push(fallbackWarning(offering, error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  if (lastError !== undefined) throw lastError;
  const now = context.clock();
  if (unauthorized !== undefined)
    throw changedError(unauthorized.error, { retryAfterMs: Math.max(0, unauthorized.probeAt - now) });
  throw new GatewayError({
    status: 503,
    type: "overloaded_error",
    code: "no_available_provider",
    message: "Every candidate provider is cooling down or out of usable API keys; try again later.",
    retryable: true,
    ...(retryAt !== undefined && { retryAfterMs: Math.max(0, retryAt - now) }),
  });
}
