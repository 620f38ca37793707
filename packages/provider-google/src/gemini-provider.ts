import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  createFetchTransport,
  createRandomIdGenerator,
  invalidRequest,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  parseSseStream,
  pumpTranscoder,
  systemClock,
  type Warning,
} from "@switchyard/core";
import {
  malformedAnswer,
  parseAnswerJson,
  postJson,
  type UpstreamConnection,
  type UpstreamIdentity,
} from "@switchyard/provider-utils";
import { type GeminiResponse, GeminiResponseSchema } from "./gemini-api";
import { readGeminiError } from "./gemini-errors";
import { interactionsOnlyError } from "./gemini-interactions-only";
import { listGeminiModels } from "./gemini-model-list";
import { bareModelId } from "./gemini-models";
import { chatRequestToGemini } from "./gemini-request";
import { geminiResponseToChat } from "./gemini-response";
import { createGeminiStreamTranscoder } from "./gemini-stream";

/** The Gemini API's public base URL. */
export const GOOGLE_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

const provider = "google";

/** The frames of a Gemini SSE body, parsed; empty events are skipped, anything else malformed throws. */
async function* readFrames(
  body: AsyncIterable<Uint8Array>,
  identity: UpstreamIdentity,
): AsyncGenerator<GeminiResponse> {
  for await (const event of parseSseStream(body)) {
    if (event.data.trim() === "") continue;
    const frame = GeminiResponseSchema.safeParse(parseAnswerJson(event.data, identity));
    if (!frame.success) throw malformedAnswer(identity, "a stream frame is not a GenerateContentResponse");
    yield frame.data;
  }
}

/**
 * The Google Gemini provider (name `google`, protocol `gemini`): Chat requests go to
 * `POST {baseUrl}/v1beta/models/{model}:generateContent` (streams to `:streamGenerateContent?alt=sse`)
 * with the key in `x-goog-api-key`; answers come back as Chat. Default base URL
 * `https://generativelanguage.googleapis.com`.
 */
export function createGoogleProvider(options: ProviderOptions = {}): Provider {
  const connection: UpstreamConnection = {
    provider,
    displayName: "Gemini",
    baseUrl: options.baseUrl ?? GOOGLE_DEFAULT_BASE_URL,
    transport: options.transport ?? createFetchTransport(),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  };
  const ids = options.ids ?? createRandomIdGenerator();
  const clock = options.clock ?? systemClock;

  const prepare = (request: ChatCompletionRequest, call: ProviderCallOptions, stream: boolean) => {
    if (request.model === undefined) throw invalidRequest("is required", "model");
    const agentOnly = interactionsOnlyError(request.model);
    if (agentOnly !== undefined) throw agentOnly;
    const translation = chatRequestToGemini(request, call.model ? { model: call.model } : {});
    const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
    const path = `/v1beta/models/${encodeURIComponent(bareModelId(request.model))}:${method}`;
    const headers: Record<string, string> = {
      ...options.headers,
      "content-type": "application/json",
      "x-goog-api-key": call.apiKey,
    };
    if (stream) headers["accept"] = "text/event-stream";
    return { translation, path, headers, model: request.model };
  };

  const send = (path: string, headers: Record<string, string>, body: unknown, call: ProviderCallOptions) =>
    postJson(connection, {
      path,
      headers,
      body,
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (answer) => readGeminiError(answer.status, answer.body),
    });

  return {
    name: provider,
    protocol: "gemini",

    listModels: (call) =>
      listGeminiModels(
        connection,
        { ...options.headers, accept: "application/json", "x-goog-api-key": call.apiKey },
        call,
      ),

    async chat(request, call) {
      const { translation, path, headers, model } = prepare(request, call, false);
      const answer = await send(path, headers, translation.value, call);
      const parsed = GeminiResponseSchema.safeParse(await answer.json());
      if (!parsed.success)
        throw malformedAnswer(answer.identity, "the body is not a GenerateContentResponse");
      const chat = geminiResponseToChat(parsed.data, { ids, clock, model });
      return { response: chat.value, warnings: [...translation.warnings, ...chat.warnings] };
    },

    async streamChat(request, call) {
      const { translation, path, headers, model } = prepare(request, call, true);
      const answer = await send(path, headers, translation.value, call);
      const warnings: Warning[] = [...translation.warnings];
      const transcoder = createGeminiStreamTranscoder({ ids, clock, model });
      const chunks: AsyncIterable<ChatCompletionChunk> = pumpTranscoder(
        readFrames(answer.body, answer.identity),
        transcoder,
        warnings,
      );
      return { chunks, warnings };
    },
  };
}
