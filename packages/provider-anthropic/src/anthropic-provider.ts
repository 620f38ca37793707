import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  createFetchTransport,
  GatewayError,
  type HttpTransport,
  type NativeCallOptions,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  parseSseStream,
  pumpTranscoder,
  type TransportResponse,
  transportFailure,
  type Warning,
} from "@switchyard/core";
import { type AnthropicMessage, AnthropicMessageSchema } from "./anthropic-api";
import { ANTHROPIC_PROVIDER, anthropicHttpError, redactSecrets } from "./anthropic-errors";
import { type AnthropicRequestPlan, chatRequestToAnthropic } from "./anthropic-request";
import { anthropicResponseToChat } from "./anthropic-response";
import { createAnthropicStreamTranscoder } from "./anthropic-stream";

/** Anthropic's API base URL. */
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

/** The `anthropic-version` header every Messages request carries. */
export const ANTHROPIC_VERSION = "2023-06-01";

const upstreamFailure = (error: unknown, apiKey: string, signal?: AbortSignal): GatewayError =>
  transportFailure(error, {
    provider: ANTHROPIC_PROVIDER,
    displayName: "Anthropic",
    ...(signal ? { signal } : {}),
    redact: (text) => redactSecrets(text, apiKey),
  });

async function readMessage(response: TransportResponse): Promise<AnthropicMessage> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = AnthropicMessageSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_response",
    message: "Anthropic answered with a body that is not a Messages response.",
    retryable: false,
    provider: ANTHROPIC_PROVIDER,
  });
}

/**
 * The Anthropic provider: Chat requests go to `POST {baseUrl}/v1/messages` with `x-api-key`,
 * `anthropic-version: 2023-06-01` and, when the request names betas, `anthropic-beta`; answers and streams
 * come back as Chat. Default base URL `https://api.anthropic.com`.
 */
export function createAnthropicProvider(options: ProviderOptions = {}): Provider {
  const baseUrl = (options.baseUrl ?? ANTHROPIC_BASE_URL).replace(/\/+$/, "");
  const transport: HttpTransport = options.transport ?? createFetchTransport();
  const clock = options.clock;

  async function post(
    path: string,
    body: unknown,
    call: ProviderCallOptions,
    stream: boolean,
    extraHeaders: Record<string, string> = {},
  ): Promise<TransportResponse> {
    const headers: Record<string, string> = {
      ...options.headers,
      ...extraHeaders,
      "content-type": "application/json",
      accept: stream ? "text/event-stream" : "application/json",
      "x-api-key": call.apiKey,
      "anthropic-version": ANTHROPIC_VERSION,
    };
    let response: TransportResponse;
    try {
      response = await transport({
        method: "POST",
        url: `${baseUrl}${path}`,
        headers,
        body: JSON.stringify(body),
        signal: call.signal,
      });
    } catch (error) {
      throw upstreamFailure(error, call.apiKey, call.signal);
    }
    if (response.status < 200 || response.status >= 300)
      throw anthropicHttpError(response.status, await response.text(), response.headers, call.apiKey);
    return response;
  }

  const send = (plan: AnthropicRequestPlan, call: ProviderCallOptions, stream: boolean) =>
    post(
      "/v1/messages",
      plan.body,
      call,
      stream,
      plan.betas.length > 0 ? { "anthropic-beta": plan.betas.join(",") } : {},
    );

  // Only these client headers reach Anthropic on a passthrough; everything else (auth above all) is ours.
  const forwardedHeaders = (call: NativeCallOptions): Record<string, string> => {
    const beta = call.headers?.["anthropic-beta"];
    return beta ? { "anthropic-beta": beta } : {};
  };

  // The body is built field by field, so `gateway` and other providers' extensions never go upstream.
  const translate = (request: ChatCompletionRequest, call: ProviderCallOptions, stream: boolean) =>
    chatRequestToAnthropic(request, { model: call.model, stream });

  return {
    name: ANTHROPIC_PROVIDER,
    protocol: "anthropic-messages",

    async messages(body, call) {
      const response = await post("/v1/messages", body, call, body.stream === true, forwardedHeaders(call));
      return { status: response.status, headers: response.headers, body: response.body };
    },

    async countTokens(body, call) {
      const response = await post("/v1/messages/count_tokens", body, call, false, forwardedHeaders(call));
      const counted = JSON.parse(await response.text()) as { input_tokens?: unknown };
      if (typeof counted.input_tokens !== "number") {
        throw new GatewayError({
          status: 502,
          type: "upstream_error",
          code: "invalid_upstream_response",
          message: "Anthropic's count_tokens answer has no input_tokens.",
          retryable: false,
          provider: ANTHROPIC_PROVIDER,
        });
      }
      return counted.input_tokens;
    },

    async chat(request, call) {
      const { value: plan, warnings } = translate(request, call, false);
      const response = await send(plan, call, false);
      const message = await readMessage(response);
      const translated = anthropicResponseToChat(message, {
        toolNames: plan.toolNames,
        structuredOutputTool: plan.structuredOutputTool,
        clock,
      });
      return { response: translated.value, warnings: [...warnings, ...translated.warnings] };
    },

    async streamChat(request, call) {
      const { value: plan, warnings: requestWarnings } = translate(request, call, true);
      const response = await send(plan, call, true);
      const warnings: Warning[] = [...requestWarnings];
      const transcoder = createAnthropicStreamTranscoder({
        toolNames: plan.toolNames,
        structuredOutputTool: plan.structuredOutputTool,
        clock,
        apiKey: call.apiKey,
      });
      async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
        try {
          yield* pumpTranscoder(parseSseStream(response.body), transcoder, warnings);
        } catch (error) {
          throw upstreamFailure(error, call.apiKey, call.signal);
        }
      }
      return { chunks: chunks(), warnings };
    },
  };
}
