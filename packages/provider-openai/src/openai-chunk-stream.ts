import type { ChatCompletionChunk, SseEvent, Warning } from "@switchyard/core";

/** Options every OpenAI chunk stream takes. */
export interface OpenAIChunkStreamOptions {
  /** Where warnings (skipped events) are appended while the stream is read. */
  warnings?: Warning[];
  /** The key of the call, redacted from upstream error messages. */
  apiKey?: string;
}

/** A push machine from OpenAI SSE bytes (Chat Completions or Responses) to `ChatCompletionChunk`s. */
export interface OpenAIChunkStream {
  /** Feeds bytes split anywhere; returns the chunks they completed. Throws a `GatewayError` on an upstream error. */
  push(bytes: Uint8Array | string): ChatCompletionChunk[];
  /** Flushes the last event; throws a `GatewayError` when the stream was cut off before it finished. */
  end(): ChatCompletionChunk[];
  /** Whether the stream is over for this machine: anything pushed after it is ignored, or throws the error. */
  readonly done: boolean;
  readonly warnings: Warning[];
}

/** Reads a batch of SSE events into chunks; see `createEventBatchReader`. */
export interface EventBatchReader {
  readAll(events: SseEvent[]): ChatCompletionChunk[];
  /** Whether an upstream error was held back: every later call throws it. */
  readonly failed: boolean;
}

/**
 * Reads each event of a batch through `read`. When an event throws after others completed chunks, those
 * chunks are returned first and the error is thrown on the next call, so nothing decoded is lost.
 */
export function createEventBatchReader(read: (event: SseEvent) => ChatCompletionChunk[]): EventBatchReader {
  let pendingError: unknown;
  let failed = false;
  return {
    readAll(events) {
      if (failed) throw pendingError;
      const chunks: ChatCompletionChunk[] = [];
      for (const event of events) {
        try {
          chunks.push(...read(event));
        } catch (error) {
          if (chunks.length === 0) throw error;
          failed = true;
          pendingError = error;
          break;
        }
      }
      return chunks;
    },
    get failed() {
      return failed;
    },
  };
}
