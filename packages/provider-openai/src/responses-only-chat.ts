import { chatRequestToResponses, responsesResponseToChat } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatCompletionResponse,
  type Clock,
  createSseParser,
  GatewayError,
  type IdGenerator,
  type ModelInfo,
  type ResponseObject,
  ResponseObjectSchema,
  type ResponseStreamEvent,
  type SseEvent,
  type Translation,
} from "@switchyard/core";
import { createResponsesToChatTranscoder } from "@switchyard/stream";
import { isRecord } from "./is-record";
import { applyOpenAIParameterRules, type OpenAIRequestBody, requireModel } from "./openai-chat-request";
import {
  createEventBatchReader,
  type OpenAIChunkStream,
  type OpenAIChunkStreamOptions,
} from "./openai-chunk-stream";
import {
  OPENAI_PROVIDER_NAME,
  type OpenAIErrorObject,
  openAIMalformedAnswer,
  openAIStreamError,
  readOpenAIErrorObject,
} from "./openai-errors";
import { openAIModelProfile } from "./openai-reasoning-models";

const ENCRYPTED_REASONING = "reasoning.encrypted_content";

/** Options of `chatRequestToOpenAIResponses`. */
export interface ResponsesOnlyRequestOptions {
  stream: boolean;
  model?: ModelInfo;
}

/**
 * The `/v1/responses` body that serves a Chat request on a Responses-only model (o3-pro, gpt-5.5-pro). The
 * reasoning-model parameter rules apply first (the Responses API rejects the same sampling parameters),
 * then `chatRequestToResponses` translates. `gateway` is never sent, `extensions.openai` is merged last.
 * `store` defaults to `false`, as it does on Chat Completions, unless the request sets it; a reasoning
 * model then gets `include: ["reasoning.encrypted_content"]` so its reasoning can travel to the next turn.
 */
export function chatRequestToOpenAIResponses(
  request: ChatCompletionRequest,
  options: ResponsesOnlyRequestOptions,
): Translation<OpenAIRequestBody> {
  const parameters = applyOpenAIParameterRules(request, options.model);
  const translated = chatRequestToResponses(parameters.value);
  const { gateway: _gateway, extensions: _extensions, ...body } = translated.value;
  if (options.stream) body.stream = true;
  else delete body.stream;
  delete body.stream_options;
  if (body.store === undefined || body.store === null) body.store = false;
  // Without stored responses, a reasoning model's state comes back only as encrypted content, which the
  // Chat answer carries in `reasoning_details` for the next turn:
  // https://platform.openai.com/docs/guides/reasoning#encrypted-reasoning-items
  if (body.store === false && openAIModelProfile(requireModel(request), options.model).reasoning) {
    body.include = [...new Set([...(body.include ?? []), ENCRYPTED_REASONING])];
  }
  return {
    value: { ...body, ...request.extensions?.openai },
    warnings: [...parameters.warnings, ...translated.warnings],
  };
}

/** The error of a failed Response, as a `GatewayError`. */
function failedResponseError(response: { error?: { code?: string; message?: string } | null }): GatewayError {
  const error = response.error;
  return openAIStreamError({
    type: error?.code,
    code: error?.code ?? null,
    message: error?.message ?? "OpenAI reported the response as failed",
  });
}

/** A whole Responses answer as a Chat answer. A `failed` Response becomes a `GatewayError`. */
export function openAIResponseToChat(
  body: unknown,
  request: ChatCompletionRequest,
): Translation<ChatCompletionResponse> {
  const parsed = ResponseObjectSchema.safeParse(body);
  if (!parsed.success) {
    const upstreamError = readOpenAIErrorObject(body);
    if (upstreamError !== undefined) throw openAIStreamError(upstreamError);
    throw openAIMalformedAnswer("the body is not a Response object");
  }
  const response: ResponseObject = parsed.data;
  if (response.status === "failed") throw failedResponseError(response);
  return responsesResponseToChat(response, { request });
}

/** Options of `createResponsesOnlyChatStream`; `warnings` also receives the transcoder's unknown events. */
export interface ResponsesOnlyChatStreamOptions extends OpenAIChunkStreamOptions {
  ids?: IdGenerator;
  clock?: Clock;
  model?: string;
}

/** A push machine from Responses SSE bytes to Chat chunks. `done` turns true once an upstream error arrived. */
export type ResponsesOnlyChatStream = OpenAIChunkStream;

const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete"]);

/**
 * The error of an `error` event: OpenAI nests it (`{"type":"error","error":{...}}`), the documented event
 * has it at the top level (`{"type":"error","code","message","param"}`); both are read.
 */
function errorOfEvent(payload: Record<string, unknown>): OpenAIErrorObject {
  const nested = readOpenAIErrorObject(payload);
  if (nested !== undefined) return nested;
  return {
    message: typeof payload.message === "string" ? payload.message : undefined,
    code: typeof payload.code === "string" ? payload.code : null,
    param: typeof payload.param === "string" ? payload.param : null,
  };
}

/**
 * Reads a Responses stream and emits Chat chunks through `createResponsesToChatTranscoder`. Usage is always
 * requested, so the stream ends with a usage chunk. An `error` event or `response.failed` becomes a
 * `GatewayError` naming the provider; an event type the transcoder does not know is skipped there with a
 * warning, which is copied into `warnings`.
 */
export function createResponsesOnlyChatStream(
  options: ResponsesOnlyChatStreamOptions = {},
): ResponsesOnlyChatStream {
  const warnings = options.warnings ?? [];
  const sse = createSseParser();
  const transcoder = createResponsesToChatTranscoder({
    includeUsage: true,
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.model === undefined ? {} : { model: options.model }),
  });
  let transcoderWarningsSeen = 0;
  let terminated = false;

  const collectTranscoderWarnings = () => {
    const fresh = transcoder.warnings.slice(transcoderWarningsSeen);
    transcoderWarningsSeen = transcoder.warnings.length;
    warnings.push(...fresh);
  };

  const read = ({ data }: SseEvent): ChatCompletionChunk[] => {
    if (data.trim() === "" || data.trim() === "[DONE]") return [];
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      warnings.push({ type: "unknown_event", code: "openai", message: `Skipped an event that is not JSON.` });
      return [];
    }
    if (!isRecord(payload)) return [];
    if (payload.type === "error") throw openAIStreamError(errorOfEvent(payload), options.apiKey);
    if (payload.type === "response.failed") {
      throw failedResponseError(isRecord(payload.response) ? payload.response : {});
    }
    if (typeof payload.type !== "string") {
      warnings.push({ type: "unknown_event", code: "openai", message: "Skipped an event without a type." });
      return [];
    }
    if (TERMINAL_EVENTS.has(payload.type)) terminated = true;
    // The transcoder reads events loosely: unknown types are skipped there, with a warning.
    const chunks = transcoder.push(payload as ResponseStreamEvent);
    collectTranscoderWarnings();
    return chunks;
  };
  const reader = createEventBatchReader(read);

  return {
    push: (bytes) => reader.readAll(sse.push(bytes)),
    end() {
      const chunks = reader.readAll(sse.end());
      if (!terminated) {
        throw new GatewayError({
          status: 502,
          type: "upstream_error",
          code: "stream_interrupted",
          message: "The OpenAI Responses stream ended before the response completed.",
          provider: OPENAI_PROVIDER_NAME,
        });
      }
      chunks.push(...transcoder.end());
      collectTranscoderWarnings();
      return chunks;
    },
    get done() {
      return reader.failed;
    },
    warnings,
  };
}
