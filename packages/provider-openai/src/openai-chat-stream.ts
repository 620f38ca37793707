import {
  type ChatCompletionChunk,
  ChatCompletionChunkSchema,
  createSseParser,
  GatewayError,
  type SseEvent,
  type Warning,
} from "@switchyard/core";
import { OPENAI_PROVIDER_NAME, openAIStreamError, readOpenAIErrorObject } from "./openai-errors";

/** Options of `createOpenAIChatStreamParser`. */
export interface OpenAIChatStreamParserOptions {
  /** Where warnings (skipped events) are appended while the stream is read. */
  warnings?: Warning[];
  /** The key of the call, redacted from upstream error messages. */
  apiKey?: string;
}

/** A push parser from OpenAI Chat Completions SSE bytes to `ChatCompletionChunk`s. */
export interface OpenAIChatStreamParser {
  /** Feeds bytes split anywhere; returns the chunks they completed. Throws a `GatewayError` on an upstream error. */
  push(bytes: Uint8Array | string): ChatCompletionChunk[];
  /** Flushes the last event; throws a `GatewayError` when the stream was cut off before it finished. */
  end(): ChatCompletionChunk[];
  /** Whether `data: [DONE]` (or an upstream error) arrived; anything after it is ignored. */
  readonly done: boolean;
  readonly warnings: Warning[];
}

const unknownEvent = (message: string): Warning => ({ type: "unknown_event", code: "openai", message });

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Azure OpenAI opens a stream with a chunk that carries only `prompt_filter_results` (empty id, model and
 * object): https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter-annotations
 */
const isAzurePromptFilterChunk = (value: Record<string, unknown>): boolean =>
  "prompt_filter_results" in value && (value.object === "" || value.id === "");

/**
 * Creates the parser. Chunks are relayed as OpenAI sent them (unknown fields kept). `data: [DONE]` ends the
 * stream; a `{"error":{...}}` payload becomes a `GatewayError`; a payload that is not a chunk (Azure's
 * prompt-filter preamble, invalid JSON, an unknown shape) is skipped with a warning.
 */
export function createOpenAIChatStreamParser(
  options: OpenAIChatStreamParserOptions = {},
): OpenAIChatStreamParser {
  const sse = createSseParser();
  const warnings = options.warnings ?? [];
  let done = false;
  let finished = false;
  let pendingError: unknown;
  let failed = false;

  // Chunks completed before an upstream error are returned first; the error is thrown on the next call.
  const readAll = (events: SseEvent[]): ChatCompletionChunk[] => {
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
  };

  const read = (event: SseEvent): ChatCompletionChunk[] => {
    if (done) return [];
    const data = event.data.trim();
    if (data === "[DONE]") {
      done = true;
      return [];
    }
    if (data === "") return [];
    const parsed = parseJson(data);
    if (!parsed.ok) {
      warnings.push(unknownEvent(`Skipped a stream event that is not JSON: ${data.slice(0, 80)}`));
      return [];
    }
    const upstreamError = readOpenAIErrorObject(parsed.value);
    if (upstreamError !== undefined || event.event === "error") {
      throw openAIStreamError(upstreamError ?? { message: data }, options.apiKey);
    }
    if (isRecord(parsed.value) && isAzurePromptFilterChunk(parsed.value)) {
      warnings.push(
        unknownEvent("Skipped Azure's prompt_filter_results chunk, which is not a chat.completion.chunk."),
      );
      return [];
    }
    const chunk = ChatCompletionChunkSchema.safeParse(parsed.value);
    if (!chunk.success) {
      warnings.push(
        unknownEvent(`Skipped a stream event that is not a chat.completion.chunk: ${data.slice(0, 80)}`),
      );
      return [];
    }
    if (
      chunk.data.choices.some((choice) => choice.finish_reason !== null && choice.finish_reason !== undefined)
    ) {
      finished = true;
    }
    return [chunk.data];
  };

  return {
    push: (bytes) => readAll(sse.push(bytes)),
    end() {
      const chunks = readAll(sse.end());
      if (!done && !finished) {
        throw new GatewayError({
          status: 502,
          type: "upstream_error",
          code: "stream_interrupted",
          message: "The OpenAI stream ended before the completion finished.",
          provider: OPENAI_PROVIDER_NAME,
        });
      }
      return chunks;
    },
    get done() {
      return done || failed;
    },
    warnings,
  };
}
