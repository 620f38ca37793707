import { GatewayError } from "@switchyard/core";
import { UPSTREAM_QUEUE_TIMEOUT_CODE } from "@switchyard/router";

/**
 * Admission to one upstream origin's connections: at most `slots` requests at once (the pool's
 * connections), the others wait in order, each at most `timeoutMs`, then fail with a retryable 503.
 */
export interface UpstreamQueue {
  /** Resolves with the function that frees the slot, once one is free. Rejects on timeout or abort. */
  acquire(signal?: AbortSignal | null): Promise<() => void>;
  /** Requests holding a slot, and requests waiting for one. */
  readonly active: number;
  readonly waiting: number;
}

/** The error of a request that waited longer than the queue timeout: the next candidate may be free. */
export function upstreamQueueTimedOut(slots: number, timeoutMs: number): GatewayError {
  return new GatewayError({
    status: 503,
    type: "overloaded_error",
    code: UPSTREAM_QUEUE_TIMEOUT_CODE,
    message: `All ${slots} connections to the upstream stayed busy for ${timeoutMs} ms; the request was not sent.`,
    retryable: true,
  });
}

interface Waiter {
  grant(): void;
}

/** Creates the queue of one origin. */
export function createUpstreamQueue(slots: number, timeoutMs: number): UpstreamQueue {
  let active = 0;
  const waiters: Waiter[] = [];
  const release = () => {
    const next = waiters.shift();
    if (next === undefined) active--;
    else next.grant();
  };
  const releaseOnce = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiters.length;
    },
    acquire(signal) {
      if (active < slots) {
        active++;
        return Promise.resolve(releaseOnce());
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const leave = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
        };
        const onAbort = () => {
          leave();
          reject(signal!.reason);
        };
        const timer = setTimeout(() => {
          leave();
          reject(upstreamQueueTimedOut(slots, timeoutMs));
        }, timeoutMs);
        const waiter: Waiter = {
          grant: () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            resolve(releaseOnce());
          },
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.push(waiter);
      });
    },
  };
}
