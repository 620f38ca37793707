import type { Warning } from "@switchyard/core";

/** A push state machine from SSE bytes of one protocol to SSE text of the other. */
export interface SseTranscoder {
  /** Feeds upstream bytes (split anywhere); returns the SSE text they complete, possibly empty. */
  push(bytes: Uint8Array | string): string;
  /** The upstream closed; returns the closing frames. */
  end(): string;
  /** What was skipped or changed on the way. */
  readonly warnings: Warning[];
}
