import type { ServerResponse } from "node:http";

/**
 * Writes server-sent events to a Node response: a frame is never split across writes (a write may carry
 * several whole frames), honouring backpressure.
 */
export interface SseWriter {
  /** Sends the status line and headers (`content-type: text/event-stream`) at once. */
  open(headers: Record<string, string>): void;
  /**
   * Writes one or more whole frames (text ending in `\n\n`, LF only), or upstream bytes relayed as they are
   * (native passthrough). Resolves when the socket can take more.
   */
  write(frame: string | Uint8Array): Promise<void>;
  /** Ends the response. */
  end(): void;
  /** Whether the client went away; writing then is a no-op. */
  readonly closed: boolean;
}

/** Headers every event stream gets; proxies are told not to buffer it. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  "x-accel-buffering": "no",
};

/** Creates an `SseWriter` over a `ServerResponse`. */
export function createSseWriter(response: ServerResponse): SseWriter {
  const isClosed = () => response.destroyed || response.writableEnded;
  return {
    get closed() {
      return isClosed();
    },
    open(headers) {
      response.writeHead(200, { ...SSE_HEADERS, ...headers });
      response.flushHeaders();
    },
    write(frame) {
      if (isClosed()) return Promise.resolve();
      if (response.write(frame)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          response.off("drain", done);
          response.off("close", done);
          resolve();
        };
        response.on("drain", done);
        response.on("close", done);
      });
    },
    end() {
      if (!isClosed()) response.end();
    },
  };
}
