import { GatewayError } from "@switchyard/core";
import type { AttemptTarget } from "@switchyard/router";
import type { ServerServices } from "./server-services";

/** What ends a started stream early: the upstream's silence, or the server's shutdown deadline. */
export interface StreamGuard {
  /** Longest wait for the next item once the first is in, in ms. */
  idleTimeoutMs: number;
  /** Aborted when the server ends every stream still open (the shutdown deadline passed). */
  serverStop: AbortSignal;
  /** Aborts the upstream call, so its connection closes while its provider still waits on the network. */
  abortUpstream(reason: GatewayError): void;
}

/** The guard of one attempt's stream, from the server's limits and shutdown signal. */
export function streamGuard(services: ServerServices, target: AttemptTarget): StreamGuard {
  return {
    idleTimeoutMs: services.config.limits.streamIdleTimeoutMs,
    serverStop: services.shutdownDeadline,
    abortUpstream: (reason) => target.abort(reason),
  };
}

/** The error a stream ends with when its upstream went silent. */
export function streamIdleTimedOut(idleTimeoutMs: number): GatewayError {
  return new GatewayError({
    status: 504,
    type: "timeout_error",
    code: "upstream_idle_timeout",
    message: `The upstream sent nothing for ${idleTimeoutMs} ms; the stream was ended.`,
    retryable: false,
  });
}

/**
 * The error a request still in flight at the shutdown deadline ends with: its 503 before the headers, its
 * stream's error event after them; the request's log line carries the code.
 */
export function serverEndedRequest(): GatewayError {
  return new GatewayError({
    status: 503,
    type: "api_error",
    code: "server_shutting_down",
    message: "The server is shutting down and ended this request before it finished; retry it.",
    retryable: true,
  });
}

/** Waits for a stream's items under a guard; `release` must be called once the stream is done. */
export interface StreamWatch {
  /** `next`, or a rejection with the guard's error (after aborting the upstream) when the guard trips. */
  wait<T>(next: Promise<T>): Promise<T>;
  release(): void;
}

/**
 * Watches one stream: a single timer, refreshed each time an item is awaited and ignored while the consumer
 * is busy writing (a slow client is not upstream silence), plus one listener on the shutdown signal.
 */
export function watchStream(guard: StreamGuard): StreamWatch {
  let waiting = false;
  let trip: ((error: GatewayError) => void) | undefined;
  let stopped = guard.serverStop.aborted;
  const end = (error: GatewayError) => {
    guard.abortUpstream(error);
    trip?.(error);
  };
  const timer = setTimeout(() => {
    if (waiting) end(streamIdleTimedOut(guard.idleTimeoutMs));
  }, guard.idleTimeoutMs);
  timer.unref();
  const onStop = () => {
    stopped = true;
    if (waiting) end(serverEndedRequest());
  };
  guard.serverStop.addEventListener("abort", onStop, { once: true });
  return {
    async wait<T>(next: Promise<T>): Promise<T> {
      if (stopped) {
        next.catch(() => {});
        const error = serverEndedRequest();
        guard.abortUpstream(error);
        throw error;
      }
      const tripped = new Promise<never>((_resolve, reject) => {
        trip = reject;
      });
      waiting = true;
      timer.refresh();
      try {
        return await Promise.race([next, tripped]);
      } catch (error) {
        next.catch(() => {});
        throw error;
      } finally {
        waiting = false;
        trip = undefined;
      }
    },
    release() {
      clearTimeout(timer);
      guard.serverStop.removeEventListener("abort", onStop);
    },
  };
}
