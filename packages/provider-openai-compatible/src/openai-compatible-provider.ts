import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatResult,
  type ChatStreamResult,
  createFetchTransport,
  createRandomIdGenerator,
  listedModelsOfOpenAIList,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  pumpTranscoder,
  type Warning,
} from "@switchyard/core";
import { getJson, postJson, type UpstreamAnswer, type UpstreamConnection } from "@switchyard/provider-utils";
import { readOpenAICompatibleError } from "./openai-compatible-errors";
import { genericPreset, type OpenAICompatiblePreset, type PresetName } from "./openai-compatible-preset";
import {
  chatRequestToOpenAICompatible,
  type OpenAICompatibleRequestTranslation,
} from "./openai-compatible-request";
import { openAICompatibleResponseToChat } from "./openai-compatible-response";
import { createOpenAICompatibleStreamDecoder } from "./openai-compatible-stream";
import { openAICompatiblePresets } from "./presets";

/** Options of `createOpenAICompatibleProvider`. */
export interface OpenAICompatibleProviderOptions extends ProviderOptions {
  /** The provider name used in `provider/model` ids, warnings and errors. */
  name: string;
  /** The server's base URL, up to and including `/v1` where the server has it. */
  baseUrl: string;
  /** The server's quirks: a built-in preset name or your own preset. */
  preset?: OpenAICompatiblePreset | PresetName;
}

/** Resolves a preset name or object; the generic preset when absent. */
export function resolvePreset(
  preset: OpenAICompatiblePreset | PresetName | undefined,
): OpenAICompatiblePreset {
  if (preset === undefined) return genericPreset;
  return typeof preset === "string" ? openAICompatiblePresets[preset] : preset;
}

/**
 * A provider for any server that speaks OpenAI Chat Completions: `POST {baseUrl}/chat/completions` with
 * Bearer auth, the request shaped by the preset's quirks and the answer (streamed or not) normalised to
 * OpenAI's shape.
 */
export function createOpenAICompatibleProvider(options: OpenAICompatibleProviderOptions): Provider {
  const preset = resolvePreset(options.preset);
  const name = options.name;
  const ids = options.ids ?? createRandomIdGenerator();
  const connection: UpstreamConnection = {
    provider: name,
    baseUrl: options.baseUrl,
    transport: options.transport ?? createFetchTransport(),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  };

  const headersFor = (apiKey: string, stream: boolean): Record<string, string> => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: stream ? "text/event-stream" : "application/json",
      ...preset.defaultHeaders,
    };
    if (apiKey !== "" || preset.apiKeyOptional !== true) headers["authorization"] = `Bearer ${apiKey}`;
    return { ...headers, ...options.headers };
  };

  const listHeaders = (apiKey: string): Record<string, string> => {
    const headers: Record<string, string> = { accept: "application/json", ...preset.defaultHeaders };
    if (apiKey !== "" || preset.apiKeyOptional !== true) headers["authorization"] = `Bearer ${apiKey}`;
    return { ...headers, ...options.headers };
  };

  const send = async (
    request: ChatCompletionRequest,
    call: ProviderCallOptions,
    stream: boolean,
  ): Promise<{ translation: OpenAICompatibleRequestTranslation; answer: UpstreamAnswer }> => {
    const translation = chatRequestToOpenAICompatible(
      { ...request, stream },
      { preset, providerName: name, modelInfo: call.model },
    );
    const answer = await postJson(connection, {
      path: "/chat/completions",
      headers: headersFor(call.apiKey, stream),
      body: translation.value,
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (failed) => readOpenAICompatibleError(failed.status, failed.body, name),
    });
    return { translation, answer };
  };

  return {
    name,
    protocol: "openai-chat",

    /** `GET {baseUrl}/models`, OpenAI's list, which DeepSeek, vLLM, Ollama and llama.cpp answer too. */
    listModels: (call) =>
      getJson(connection, {
        path: "/models",
        headers: listHeaders(call.apiKey),
        apiKey: call.apiKey,
        signal: call.signal,
        readError: (failed) => readOpenAICompatibleError(failed.status, failed.body, name),
        parse: listedModelsOfOpenAIList,
      }),

    async chat(request, call): Promise<ChatResult> {
      const { translation, answer } = await send(request, call, false);
      const normalized = openAICompatibleResponseToChat(await answer.json(), {
        preset,
        providerName: name,
        toolCallIds: translation.toolCallIds,
        ids,
        clock: options.clock,
      });
      return { response: normalized.value, warnings: [...translation.warnings, ...normalized.warnings] };
    },

    async streamChat(request, call): Promise<ChatStreamResult> {
      const { translation, answer } = await send(request, call, true);
      const decoder = createOpenAICompatibleStreamDecoder({
        preset,
        providerName: name,
        apiKey: call.apiKey,
        toolCallIds: translation.toolCallIds,
        ids,
      });
      const warnings: Warning[] = [...translation.warnings];
      const chunks: AsyncIterable<ChatCompletionChunk> = pumpTranscoder(answer.body, decoder, warnings);
      return { chunks, warnings };
    },
  };
}
