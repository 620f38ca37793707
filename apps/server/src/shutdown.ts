import type { Server } from "node:http";

/** How long streams get, once the deadline passed, to write their terminal error event and end. */
const STREAM_END_GRACE_MS = 1000;

/** Tracks in-flight requests and drains them at shutdown. */
export interface ShutdownController {
  /**
   * Marks a request as in flight; call the returned function once its response has closed. `onDeadline`
   * is called if the request is still in flight when the shutdown deadline passes.
   */
  track(onDeadline?: () => void): () => void;
  /** Whether shutdown has begun. */
  readonly draining: boolean;
  /** Whether the deadline passed: the server is ending what is still in flight. */
  readonly deadlinePassed: boolean;
  /** Aborted when the deadline passes, so open streams end with their protocol's error event. */
  readonly deadline: AbortSignal;
  /** Number of requests in flight. */
  readonly inFlight: number;
  /**
   * Graceful shutdown: keep listening, so `/health` and new requests get a 503 instead of a refused
   * connection; close idle keep-alive connections; let in-flight requests (streams included) finish until
   * `deadlineMs`; then end what is left (streams with their error event, other requests with a 503), stop
   * listening and destroy the remaining connections. Idempotent.
   */
  shutdown(deadlineMs: number): Promise<void>;
}

/** Creates the shutdown controller of one HTTP server. */
export function createShutdownController(server: Server): ShutdownController {
  let inFlight = 0;
  let draining = false;
  const deadline = new AbortController();
  const atDeadline = new Set<() => void>();
  let idle: (() => void) | undefined;
  const allDone = new Promise<void>((resolve) => {
    idle = resolve;
  });
  let finished: Promise<void> | undefined;

  const wait = (ms: number, until: Promise<void>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return Promise.race([until, elapsed]).finally(() => clearTimeout(timer));
  };

  const drain = async (deadlineMs: number): Promise<void> => {
    // Idle keep-alive connections close now; a client that comes back gets a 503 with `connection: close`.
    server.closeIdleConnections();
    if (inFlight > 0) await wait(deadlineMs, allDone);
    if (inFlight > 0) {
      deadline.abort();
      for (const end of atDeadline) end();
      await wait(STREAM_END_GRACE_MS, allDone);
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Responses sent while draining carry `connection: close`; give their sockets a moment to flush.
    server.closeIdleConnections();
    await wait(inFlight === 0 ? 1000 : 0, closed);
    // Past the grace: destroying the sockets closes their responses, which aborts the upstream calls.
    server.closeAllConnections();
    await closed;
  };

  return {
    get draining() {
      return draining;
    },
    get deadlinePassed() {
      return deadline.signal.aborted;
    },
    deadline: deadline.signal,
    get inFlight() {
      return inFlight;
    },
    track(onDeadline) {
      inFlight++;
      if (onDeadline !== undefined) atDeadline.add(onDeadline);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight--;
        if (onDeadline !== undefined) atDeadline.delete(onDeadline);
        if (inFlight === 0 && draining) idle?.();
      };
    },
    shutdown(deadlineMs) {
      draining = true;
      if (inFlight === 0) idle?.();
      finished ??= drain(deadlineMs);
      return finished;
    },
  };
}
