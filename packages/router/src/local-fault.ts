import { GatewayError } from "@switchyard/core";

/** How far down a chain of `cause`s a local fault is looked for. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Whether a failed attempt failed inside the gateway rather than at the upstream: the error, or one of its
 * causes, is an engine error thrown by the gateway's own code (a `RangeError` such as a stack overflow on
 * deeply nested input, a `ReferenceError`, or a `TypeError` that wraps nothing, unlike `fetch`'s
 * "fetch failed", whose cause is the network error). A provider may wrap such a throw as a retryable 502,
 * but no upstream answered: it must not count against the offering's health, circuit or keys.
 */
export function isLocalFault(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    if (current instanceof RangeError || current instanceof ReferenceError) return true;
    if (current instanceof TypeError && current.cause === undefined) return true;
    current = current.cause;
  }
  return false;
}

/** The error sent for a local fault: a 500 that names the provider, never the engine's message. */
export function localFaultError(provider: string, cause: unknown): GatewayError {
  return new GatewayError({
    status: 500,
    type: "api_error",
    code: "internal_error",
    message: `The gateway failed while preparing or reading the call to '${provider}'; no upstream answer was involved.`,
    retryable: false,
    cause,
  });
}

/**
 * The code of the gateway's own connection queue timing out (every connection to an upstream busy): a
 * failover error that, like a rate-limited key, says nothing of the offering's health.
 */
export const UPSTREAM_QUEUE_TIMEOUT_CODE = "upstream_queue_timeout";
