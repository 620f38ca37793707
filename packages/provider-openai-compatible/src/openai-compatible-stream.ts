import {
  type ChatCompletionChunk,
  createSseParser,
  type GatewayError,
  type IdGenerator,
  type SseEvent,
  type Warning,
} from "@switchyard/core";
import { parseJsonOrUndefined, streamInterrupted } from "@switchyard/provider-utils";
import { isJsonObject } from "./json-value";
import type { ToolCallIdMap } from "./mistral-tool-call-ids";
import { createChatChunkNormalizer } from "./normalize-chat-chunk";
import { openAICompatibleStreamError } from "./openai-compatible-errors";
import type { OpenAICompatiblePreset } from "./openai-compatible-preset";

/** Inputs of the stream decoder. */
export interface OpenAICompatibleStreamOptions {
  preset: OpenAICompatiblePreset;
  /** Names the provider in errors. */
  providerName: string;
  /** The call's key, redacted from upstream error messages. */
  apiKey?: string;
  toolCallIds: ToolCallIdMap;
  ids: IdGenerator;
}

/** A push decoder from SSE bytes of a Chat Completions stream to normalised chunks. */
export interface OpenAICompatibleStreamDecoder {
  /** Feeds bytes split anywhere; returns the chunks they complete. Throws a `GatewayError` on an error event. */
  push(bytes: Uint8Array | string): ChatCompletionChunk[];
  /** Flushes the end of the stream; throws when it ended before the answer was complete. */
  end(): ChatCompletionChunk[];
  /** Skipped events and dropped content, growing while the stream is read. */
  readonly warnings: Warning[];
}

const isErrorEvent = (event: SseEvent, payload: unknown): boolean =>
  event.event === "error" ||
  (isJsonObject(payload) && (payload["error"] !== undefined || payload["object"] === "error"));

/**
 * Creates the decoder of a Chat Completions stream: `data:` JSON chunks are normalised, `[DONE]` ends the
 * stream, and an error object sent mid-stream (`{"error": {...}}`, or Mistral's `{"object": "error"}`)
 * becomes a `GatewayError`. A stream that closes with neither `[DONE]` nor a finish reason is an error too.
 */
export function createOpenAICompatibleStreamDecoder(
  options: OpenAICompatibleStreamOptions,
): OpenAICompatibleStreamDecoder {
  const parser = createSseParser();
  const normalizer = createChatChunkNormalizer(options);
  let done = false;
  // An error event is thrown after the chunks decoded before it have been handed out.
  let failure: GatewayError | undefined;

  const handle = (events: SseEvent[]): ChatCompletionChunk[] => {
    const chunks: ChatCompletionChunk[] = [];
    for (const event of events) {
      if (done || failure !== undefined) break;
      const data = event.data.trim();
      if (data === "[DONE]") {
        done = true;
        break;
      }
      if (data === "") continue;
      const payload = parseJsonOrUndefined(data);
      if (isErrorEvent(event, payload)) {
        failure = openAICompatibleStreamError(
          payload ?? { message: data },
          options.providerName,
          options.apiKey,
        );
        break;
      }
      if (payload === undefined) {
        normalizer.warnings.push({
          type: "unknown_event",
          code: event.event ?? "data",
          message: "A stream event whose data is not JSON was skipped.",
        });
        continue;
      }
      chunks.push(...normalizer.push(payload));
    }
    return chunks;
  };

  const deliver = (chunks: ChatCompletionChunk[]): ChatCompletionChunk[] => {
    if (failure !== undefined && chunks.length === 0) throw failure;
    return chunks;
  };

  return {
    push(bytes) {
      if (failure !== undefined) throw failure;
      return deliver(handle(parser.push(bytes)));
    },
    end() {
      if (failure !== undefined) throw failure;
      const chunks = deliver(handle(parser.end()));
      if (!done && !normalizer.finished) {
        throw streamInterrupted(
          { provider: options.providerName },
          "the answer was complete",
          "incomplete_stream",
        );
      }
      return chunks;
    },
    warnings: normalizer.warnings,
  };
}
