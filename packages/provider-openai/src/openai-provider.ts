import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  ChatCompletionResponseSchema,
  type ChatResult,
  type ChatStreamResult,
  createFetchTransport,
  type PassthroughResult,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  systemClock,
  type Warning,
} from "@switchyard/core";
import { chatRequestToOpenAI } from "./openai-chat-request";
import { createOpenAIChatStreamParser } from "./openai-chat-stream";
import type { OpenAIChunkStream } from "./openai-chunk-stream";
import {
  OPENAI_PROVIDER_NAME,
  openAIMalformedAnswer,
  openAIStreamError,
  readOpenAIErrorObject,
} from "./openai-errors";
import {
  OPENAI_DEFAULT_BASE_URL,
  type OpenAIConnection,
  type OpenAIUpstreamAnswer,
  postToOpenAI,
} from "./openai-http";
import { listOpenAIModels } from "./openai-models";
import { relayedHeaders, responsesRequestToOpenAI } from "./openai-responses-passthrough";
import {
  chatRequestToOpenAIResponses,
  createResponsesOnlyChatStream,
  openAIResponseToChat,
} from "./responses-only-chat";

/**
 * Reads an upstream stream through a chunk machine. After `[DONE]` the rest of the body (normally just its
 * end) is drained rather than aborted, so the upstream connection stays in the keep-alive pool; a reader
 * that stops early ends the body, which cancels the upstream request.
 */
async function* readChunks(
  answer: OpenAIUpstreamAnswer,
  machine: OpenAIChunkStream,
): AsyncGenerator<ChatCompletionChunk> {
  for await (const bytes of answer.body) if (!machine.done) yield* machine.push(bytes);
  yield* machine.end();
}

/**
 * The OpenAI provider. Chat Completions is passed through with the few rewrites reasoning models demand;
 * `responses()` relays `/v1/responses` natively, byte for byte; models the catalog marks `responsesOnly`
 * are served on `chat`/`streamChat` through the Responses API. Default base URL `https://api.openai.com/v1`.
 */
export function createOpenAIProvider(options: ProviderOptions = {}): Provider {
  const connection: OpenAIConnection = {
    baseUrl: options.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
    // Bound late, so a fetch installed after the provider was created (a polyfill, a test interceptor) is used.
    transport: options.transport ?? createFetchTransport((input, init) => globalThis.fetch(input, init)),
    headers: options.headers ?? {},
    clock: options.clock ?? systemClock,
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  };

  const post = (path: string, body: unknown, call: ProviderCallOptions, stream: boolean) =>
    postToOpenAI(connection, path, body, { apiKey: call.apiKey, signal: call.signal, stream });

  async function chatOnResponses(
    request: ChatCompletionRequest,
    call: ProviderCallOptions,
  ): Promise<ChatResult> {
    const upstream = chatRequestToOpenAIResponses(request, { stream: false, model: call.model });
    const body = await (await post("/responses", upstream.value, call, false)).json();
    const answer = openAIResponseToChat(body, request);
    return { response: answer.value, warnings: [...upstream.warnings, ...answer.warnings] };
  }

  async function streamChatOnResponses(
    request: ChatCompletionRequest,
    call: ProviderCallOptions,
  ): Promise<ChatStreamResult> {
    const upstream = chatRequestToOpenAIResponses(request, { stream: true, model: call.model });
    const warnings: Warning[] = [...upstream.warnings];
    const answer = await post("/responses", upstream.value, call, true);
    const machine = createResponsesOnlyChatStream({
      warnings,
      apiKey: call.apiKey,
      ...(options.ids === undefined ? {} : { ids: options.ids }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    return { chunks: readChunks(answer, machine), warnings };
  }

  return {
    name: OPENAI_PROVIDER_NAME,
    protocol: "openai-chat",
    capabilities: { chatForResponsesOnlyModels: true },

    listModels: (call) => listOpenAIModels(connection, call),

    async chat(request, call) {
      if (call.model?.responsesOnly === true) return chatOnResponses(request, call);
      const upstream = chatRequestToOpenAI(request, { stream: false, model: call.model });
      const body = await (await post("/chat/completions", upstream.value, call, false)).json();
      const parsed = ChatCompletionResponseSchema.safeParse(body);
      if (!parsed.success) {
        const upstreamError = readOpenAIErrorObject(body);
        if (upstreamError !== undefined) throw openAIStreamError(upstreamError, call.apiKey);
        throw openAIMalformedAnswer("the body is not a chat.completion");
      }
      return { response: parsed.data, warnings: upstream.warnings };
    },

    async streamChat(request, call) {
      if (call.model?.responsesOnly === true) return streamChatOnResponses(request, call);
      const upstream = chatRequestToOpenAI(request, { stream: true, model: call.model });
      const warnings: Warning[] = [...upstream.warnings];
      const answer = await post("/chat/completions", upstream.value, call, true);
      const parser = createOpenAIChatStreamParser({ warnings, apiKey: call.apiKey });
      return { chunks: readChunks(answer, parser), warnings };
    },

    native: {
      passthrough: {
        async "openai-responses"(request, call): Promise<PassthroughResult> {
          const stream = request["stream"] === true;
          const answer = await post("/responses", responsesRequestToOpenAI(request), call, stream);
          return {
            status: answer.status,
            headers: relayedHeaders(answer.headers),
            body: answer.body,
          };
        },
      },
    },
  };
}
