import {
  type ChatCompletionChunk,
  ChatCompletionChunkSchema,
  createSseParser,
  GatewayError,
  type SseEvent,
  type Warning,
} from "@switchyard/core";
import { isRecord } from "./is-record";
import {
  createEventBatchReader,
  type OpenAIChunkStream,
  type OpenAIChunkStreamOptions,
} from "./openai-chunk-stream";
import { OPENAI_PROVIDER_NAME, openAIStreamError, readOpenAIErrorObject } from "./openai-errors";

/** Options of `createOpenAIChatStreamParser`. */
export type OpenAIChatStreamParserOptions = OpenAIChunkStreamOptions;

/**
 * A push parser from OpenAI Chat Completions SSE bytes to `ChatCompletionChunk`s. `done` turns true once
 * `data: [DONE]` (or an upstream error) arrived; anything after it is ignored.
 */
export type OpenAIChatStreamParser = OpenAIChunkStream;

const unknownEvent = (message: string): Warning => ({ type: "unknown_event", code: "openai", message });

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

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
  const reader = createEventBatchReader(read);

  return {
    push: (bytes) => reader.readAll(sse.push(bytes)),
    end() {
      const chunks = reader.readAll(sse.end());
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
      return done || reader.failed;
    },
    warnings,
  };
}
