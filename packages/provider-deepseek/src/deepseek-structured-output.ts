import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatResult,
  type ChatStreamResult,
  type ChatUsage,
  GatewayError,
  type Provider,
  type ProviderCallOptions,
  type Warning,
} from "@switchyard/core";
import { chatCompletionToChunks } from "@switchyard/stream";
import { type RequestedJsonSchema, requestedJsonSchema, schemaMismatch } from "./deepseek-json-schema";

/** Attempts at an answer that matches a `strict: true` schema before the request fails. */
export const STRICT_SCHEMA_ATTEMPTS = 2;

const mismatchWarning = (reason: string): Warning => ({
  type: "adjusted_parameter",
  code: "response_format",
  message: `The answer does not match the response_format schema (${reason}); it is returned as the model wrote it.`,
});

const strictMismatch = (reason: string): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "json_schema_mismatch",
    message:
      `DeepSeek's answer did not match the strict response_format schema after ${STRICT_SCHEMA_ATTEMPTS} ` +
      `attempts (DeepSeek has JSON mode only; the schema was given in the prompt): ${reason}.`,
    provider: "deepseek",
    retryable: false,
  });

/** The usage of every attempt, added up: each attempt was paid for. */
function addUsage(total: ChatUsage | null | undefined, next: ChatUsage | null | undefined): ChatUsage | null {
  if (total == null) return next ?? null;
  if (next == null) return total;
  return {
    ...next,
    prompt_tokens: total.prompt_tokens + next.prompt_tokens,
    completion_tokens: total.completion_tokens + next.completion_tokens,
    total_tokens: total.total_tokens + next.total_tokens,
  };
}

async function* iterate<Item>(items: readonly Item[]): AsyncGenerator<Item> {
  yield* items;
}

/** Checks a whole answer; a `strict` schema gets up to `STRICT_SCHEMA_ATTEMPTS` attempts. */
async function completeChecked(
  inner: Provider,
  request: ChatCompletionRequest,
  options: ProviderCallOptions,
  requested: RequestedJsonSchema,
): Promise<ChatResult> {
  let usage: ChatUsage | null = null;
  let reason = "";
  const attempts = requested.strict ? STRICT_SCHEMA_ATTEMPTS : 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await inner.chat(request, options);
    usage = addUsage(usage, result.response.usage);
    const response = usage === null ? result.response : { ...result.response, usage };
    reason = schemaMismatch(result.response.choices[0]?.message.content, requested.schema) ?? "";
    if (reason === "") return { response, warnings: result.warnings };
    if (!requested.strict) return { response, warnings: [...result.warnings, mismatchWarning(reason)] };
  }
  throw strictMismatch(reason);
}

/** Streams the answer and checks it once it is complete, adding a warning to the result on a mismatch. */
async function* checkedChunks(
  chunks: AsyncIterable<ChatCompletionChunk>,
  requested: RequestedJsonSchema,
  warnings: Warning[],
): AsyncGenerator<ChatCompletionChunk> {
  let text = "";
  for await (const chunk of chunks) {
    for (const choice of chunk.choices) if (choice.index === 0) text += choice.delta.content ?? "";
    yield chunk;
  }
  const reason = schemaMismatch(text, requested.schema);
  if (reason !== undefined) warnings.push(mismatchWarning(reason));
}

/**
 * Wraps the DeepSeek provider so that `response_format: json_schema`, which the request translation serves
 * through JSON mode (`emulateJsonSchema`), is checked against its schema. A mismatch is a warning; with
 * `strict: true` the model gets another attempt, and a request still not matching fails with a 502
 * `json_schema_mismatch` that says so. A strict stream is answered whole first (a stream cannot be taken
 * back), then sent as stream chunks.
 */
export function withSchemaChecks(inner: Provider): Provider {
  return {
    ...inner,
    async chat(request, options) {
      const requested = requestedJsonSchema(request);
      if (requested === undefined) return inner.chat(request, options);
      return completeChecked(inner, request, options, requested);
    },
    async streamChat(request, options) {
      const requested = requestedJsonSchema(request);
      if (requested === undefined) return inner.streamChat(request, options);
      if (requested.strict) {
        const { stream: _stream, stream_options: _streamOptions, ...whole } = request;
        const result = await completeChecked(inner, whole as ChatCompletionRequest, options, requested);
        return { chunks: iterate(chatCompletionToChunks(result.response)), warnings: result.warnings };
      }
      const result: ChatStreamResult = await inner.streamChat(request, options);
      return { chunks: checkedChunks(result.chunks, requested, result.warnings), warnings: result.warnings };
    },
  };
}
