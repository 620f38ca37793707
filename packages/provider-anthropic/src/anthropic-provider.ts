import { type AnthropicMessage, AnthropicMessageSchema } from "@switchyard/anthropic-api";
import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  createFetchTransport,
  type NativeCallOptions,
  type Provider,
  type ProviderCallOptions,
  type ProviderOptions,
  parseSseStream,
  pumpTranscoder,
  type Warning,
} from "@switchyard/core";
import {
  malformedAnswer,
  postJson,
  type UpstreamAnswer,
  type UpstreamConnection,
} from "@switchyard/provider-utils";
import { ANTHROPIC_PROVIDER, readAnthropicError } from "./anthropic-errors";
import { listAnthropicModels } from "./anthropic-models";
import { type AnthropicRequestPlan, chatRequestToAnthropic } from "./anthropic-request";
import { anthropicResponseToChat } from "./anthropic-response";
import { createAnthropicStreamTranscoder } from "./anthropic-stream";

/** Anthropic's API base URL. */
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

/** The `anthropic-version` header every Messages request carries. */
export const ANTHROPIC_VERSION = "2023-06-01";

/** Reads a whole answer as a Messages response; anything else is a retryable 502. */
async function readMessage(answer: UpstreamAnswer): Promise<AnthropicMessage> {
  const parsed = AnthropicMessageSchema.safeParse(await answer.json());
  if (parsed.success) return parsed.data;
  throw malformedAnswer(answer.identity, "the body is not a Messages response");
}

/**
 * The Anthropic provider: Chat requests go to `POST {baseUrl}/v1/messages` with `x-api-key`,
 * `anthropic-version: 2023-06-01` and, when the request names betas, `anthropic-beta`; answers and streams
 * come back as Chat. Default base URL `https://api.anthropic.com`.
 */
export function createAnthropicProvider(options: ProviderOptions = {}): Provider {
  const clock = options.clock;
  const connection: UpstreamConnection = {
    provider: ANTHROPIC_PROVIDER,
    displayName: "Anthropic",
    baseUrl: options.baseUrl ?? ANTHROPIC_BASE_URL,
    transport: options.transport ?? createFetchTransport(),
    ...(clock === undefined ? {} : { clock }),
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  };

  const post = (
    path: string,
    body: unknown,
    call: ProviderCallOptions,
    stream: boolean,
    extraHeaders: Record<string, string> = {},
  ): Promise<UpstreamAnswer> =>
    postJson(connection, {
      path,
      headers: {
        ...options.headers,
        ...extraHeaders,
        "content-type": "application/json",
        accept: stream ? "text/event-stream" : "application/json",
        "x-api-key": call.apiKey,
        "anthropic-version": ANTHROPIC_VERSION,
      },
      body,
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (answer) => readAnthropicError(answer.status, answer.body),
    });

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

    listModels: (call) =>
      listAnthropicModels(
        connection,
        {
          ...options.headers,
          accept: "application/json",
          "x-api-key": call.apiKey,
          "anthropic-version": ANTHROPIC_VERSION,
        },
        call,
      ),

    native: {
      passthrough: {
        async "anthropic-messages"(body, call) {
          const answer = await post(
            "/v1/messages",
            body,
            call,
            body["stream"] === true,
            forwardedHeaders(call),
          );
          return { status: answer.status, headers: answer.headers, body: answer.body };
        },
      },
      countTokens: {
        async "anthropic-messages"(body, call) {
          const answer = await post("/v1/messages/count_tokens", body, call, false, forwardedHeaders(call));
          const counted = await answer.json();
          const inputTokens =
            typeof counted === "object" && counted !== null
              ? Reflect.get(counted, "input_tokens")
              : undefined;
          if (typeof inputTokens !== "number")
            throw malformedAnswer(answer.identity, "the count_tokens answer has no input_tokens");
          return inputTokens;
        },
      },
    },

    async chat(request, call) {
      const { value: plan, warnings } = translate(request, call, false);
      const message = await readMessage(await send(plan, call, false));
      const translated = anthropicResponseToChat(message, {
        toolNames: plan.toolNames,
        structuredOutputTool: plan.structuredOutputTool,
        clock,
      });
      return { response: translated.value, warnings: [...warnings, ...translated.warnings] };
    },

    async streamChat(request, call) {
      const { value: plan, warnings: requestWarnings } = translate(request, call, true);
      const answer = await send(plan, call, true);
      const warnings: Warning[] = [...requestWarnings];
      const transcoder = createAnthropicStreamTranscoder({
        toolNames: plan.toolNames,
        structuredOutputTool: plan.structuredOutputTool,
        clock,
        apiKey: call.apiKey,
      });
      const chunks: AsyncIterable<ChatCompletionChunk> = pumpTranscoder(
        parseSseStream(answer.body),
        transcoder,
        warnings,
      );
      return { chunks, warnings };
    },
  };
}
