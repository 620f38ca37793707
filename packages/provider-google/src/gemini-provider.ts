import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  createFetchTransport,
  createRandomIdGenerator,
  GatewayError,
  type HttpTransport,
  invalidRequest,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  parseSseStream,
  pumpTranscoder,
  systemClock,
  type TransportResponse,
  transportFailure,
  type Warning,
} from "@switchyard/core";
import { type GeminiResponse, GeminiResponseSchema } from "./gemini-api";
import { geminiErrorToGatewayError } from "./gemini-errors";
import { bareModelId } from "./gemini-models";
import { chatRequestToGemini } from "./gemini-request";
import { geminiResponseToChat } from "./gemini-response";
import { createGeminiStreamTranscoder } from "./gemini-stream";

/** The Gemini API's public base URL. */
export const GOOGLE_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

const provider = "google";

const upstreamFailure = (message: string, cause?: unknown) =>
  new GatewayError({ status: 502, type: "upstream_error", message, retryable: true, provider, cause });

async function send(
  transport: HttpTransport,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<TransportResponse> {
  let response: TransportResponse;
  try {
    response = await transport({
      method: "POST",
      url,
      headers,
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw transportFailure(error, { provider, displayName: "Gemini", ...(signal ? { signal } : {}) });
  }
  if (response.status !== 200) {
    throw geminiErrorToGatewayError(response.status, await response.text(), response.headers);
  }
  return response;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw upstreamFailure(`Gemini sent ${what} that is not JSON.`, error);
  }
}

/** The frames of a Gemini SSE body, parsed; empty events are skipped, anything else malformed throws. */
async function* readFrames(body: AsyncIterable<Uint8Array>): AsyncGenerator<GeminiResponse> {
  for await (const event of parseSseStream(body)) {
    if (event.data.trim() === "") continue;
    const frame = GeminiResponseSchema.safeParse(parseJson(event.data, "a stream frame"));
    if (!frame.success)
      throw upstreamFailure("Gemini sent a stream frame that is not a GenerateContentResponse.");
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
  const baseUrl = (options.baseUrl ?? GOOGLE_DEFAULT_BASE_URL).replace(/\/+$/, "");
  const transport = options.transport ?? createFetchTransport();
  const ids = options.ids ?? createRandomIdGenerator();
  const clock = options.clock ?? systemClock;

  const prepare = (request: ChatCompletionRequest, call: ProviderCallOptions, stream: boolean) => {
    if (request.model === undefined) throw invalidRequest("is required", "model");
    const translation = chatRequestToGemini(request, call.model ? { model: call.model } : {});
    const method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
    const url = `${baseUrl}/v1beta/models/${encodeURIComponent(bareModelId(request.model))}:${method}`;
    const headers: Record<string, string> = {
      ...options.headers,
      "content-type": "application/json",
      "x-goog-api-key": call.apiKey,
    };
    if (stream) headers["accept"] = "text/event-stream";
    return { translation, url, headers, model: request.model };
  };

  return {
    name: provider,
    protocol: "gemini",

    async chat(request, call) {
      const { translation, url, headers, model } = prepare(request, call, false);
      const response = await send(transport, url, headers, translation.value, call.signal);
      const parsed = GeminiResponseSchema.safeParse(parseJson(await response.text(), "a response"));
      if (!parsed.success)
        throw upstreamFailure("Gemini sent a response that is not a GenerateContentResponse.");
      const chat = geminiResponseToChat(parsed.data, { ids, clock, model });
      return { response: chat.value, warnings: [...translation.warnings, ...chat.warnings] };
    },

    async streamChat(request, call) {
      const { translation, url, headers, model } = prepare(request, call, true);
      const response = await send(transport, url, headers, translation.value, call.signal);
      const warnings: Warning[] = [...translation.warnings];
      const transcoder = createGeminiStreamTranscoder({ ids, clock, model });
      async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
        try {
          yield* pumpTranscoder(readFrames(response.body), transcoder, warnings);
        } catch (error) {
          if (error instanceof GatewayError) throw error;
          if (call.signal?.aborted) {
            throw transportFailure(error, { provider, displayName: "Gemini", signal: call.signal });
          }
          throw upstreamFailure(
            `The Gemini stream failed: ${error instanceof Error ? error.message : String(error)}`,
            error,
          );
        }
      }
      return { chunks: chunks(), warnings };
    },
  };
}
