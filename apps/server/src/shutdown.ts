import type { Server } from "node:http";

/** Tracks in-flight requests and drains them at shutdown. */
export interface ShutdownController {
  /** Marks a request as in flight; call the returned function once its response has closed. */
  track(): () => void;
  /** Whether shutdown has begun. */
  readonly draining: boolean;
  /** Number of requests in flight. */
  readonly inFlight: number;
  /**
   * Graceful shutdown: stop accepting connections, close idle keep-alive connections, let in-flight
   * requests (streams included) finish until `deadlineMs`, then destroy what is left. Idempotent.
   */
  shutdown(deadlineMs: number): Promise<void>;
}

/** Creates the shutdown controller of one HTTP server. */
export function createShutdownController(server: Server): ShutdownController {
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  let finished: Promise<void> | undefined;

  const wait = (ms: number, until: Promise<void>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    return Promise.race([until, elapsed]).finally(() => clearTimeout(timer));
  };

  const drain = async (deadlineMs: number): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      const allDone = new Promise<void>((resolve) => {
        idle = resolve;
      });
      await wait(deadlineMs, allDone);
    }
    // Responses sent while draining carry `connection: close`; give their sockets a moment to flush.
    server.closeIdleConnections();
    await wait(inFlight === 0 ? 1000 : 0, closed);
    // Past the deadline: destroying the sockets closes their responses, which aborts the upstream calls.
    server.closeAllConnections();
    await closed;
  };

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    track() {
      inFlight++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight--;
        if (inFlight === 0 && draining) idle?.();
      };
    },
    shutdown(deadlineMs) {
      draining = true;
      finished ??= drain(deadlineMs);
      return finished;
    },
  };
}
