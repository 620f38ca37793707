import {
  type ChatCompletionChunk,
  type Clock,
  createFetchTransport,
  type Provider,
  type ProviderOptions,
  parseSseStream,
  systemClock,
} from "@switchyard/core";
import { postJson, type UpstreamConnection } from "@switchyard/provider-utils";
import type { AcmeAnswer } from "./acme-api";
import { chatRequestToAcme } from "./acme-request";
import { acmeAnswerToChat, createAcmeStreamTranscoder } from "./acme-response";

/** Acme's default base URL (fictional). */
export const ACME_BASE_URL = "https://api.acme.example";

/** The Acme provider: Chat requests go to `POST /v1/generate`; answers and streams come back as Chat. */
export function createAcmeProvider(options: ProviderOptions = {}): Provider {
  const clock: Clock = options.clock ?? systemClock;
  const connection: UpstreamConnection = {
    provider: "acme",
    displayName: "Acme",
    baseUrl: options.baseUrl ?? ACME_BASE_URL,
    transport: options.transport ?? createFetchTransport(),
    clock,
    ...(options.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: options.maxAnswerBytes }),
  };
  const post = (body: unknown, apiKey: string, signal: AbortSignal | undefined, stream: boolean) =>
    postJson(connection, {
      path: "/v1/generate",
      headers: {
        ...options.headers,
        "content-type": "application/json",
        accept: stream ? "text/event-stream" : "application/json",
        "acme-key": apiKey,
      },
      body,
      apiKey,
      signal,
      // Acme's errors are `{"problem": "..."}`; retryability and Retry-After follow the shared policy.
      readError: ({ status, body: text }) => ({ status, message: problemOf(text) }),
    });

  return {
    name: "acme",
    protocol: "acme-generate",
    async chat(request, call) {
      const { value, warnings } = chatRequestToAcme(request, false);
      const answer = (await (await post(value, call.apiKey, call.signal, false)).json()) as AcmeAnswer;
      return { response: acmeAnswerToChat(answer, value.model, clock), warnings };
    },
    async streamChat(request, call) {
      const { value, warnings } = chatRequestToAcme(request, true);
      const answer = await post(value, call.apiKey, call.signal, true);
      const transcoder = createAcmeStreamTranscoder({ id: `acme-${clock()}`, model: value.model, clock });
      async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
        for await (const event of parseSseStream(answer.body)) yield* transcoder.push(event);
      }
      return { chunks: chunks(), warnings };
    },
  };
}

function problemOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { problem?: unknown };
    return typeof parsed.problem === "string" ? parsed.problem : text;
  } catch {
    return text;
  }
}
