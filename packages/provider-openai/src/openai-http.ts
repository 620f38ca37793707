import type { Clock, HttpTransport } from "@switchyard/core";
import { joinUrl, postJson, type UpstreamAnswer } from "@switchyard/provider-utils";
import { OPENAI_PROVIDER_NAME, readOpenAIError } from "./openai-errors";

/** The default upstream: OpenAI's public API. */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** How the provider reaches OpenAI: base URL, transport, extra headers, the clock for `retry-after` dates. */
export interface OpenAIConnection {
  baseUrl: string;
  transport: HttpTransport;
  headers: Record<string, string>;
  clock: Clock;
  /** Cap on a whole answer, in bytes (provider-utils' default when absent). */
  maxAnswerBytes?: number;
}

/** One call's inputs: key, cancellation and whether the answer is a stream. */
export interface OpenAIPostOptions {
  apiKey: string;
  signal?: AbortSignal | undefined;
  stream: boolean;
}

/** An accepted (2xx) upstream answer (provider-utils' `UpstreamAnswer`). */
export type OpenAIUpstreamAnswer = UpstreamAnswer;

/** The headers of an OpenAI call. Extra headers (organization, project) may not replace the key. */
export function openAIHeaders(
  connection: OpenAIConnection,
  options: OpenAIPostOptions,
): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: options.stream ? "text/event-stream" : "application/json",
    ...connection.headers,
    authorization: `Bearer ${options.apiKey}`,
  };
}

/** Joins the base URL and an endpoint path (`/chat/completions`, `/responses`). */
export const openAIUrl = joinUrl;

/**
 * POSTs a JSON body to OpenAI with provider-utils' `postJson`. Resolves once the upstream answered 2xx; a
 * non-2xx answer or a transport failure rejects with a `GatewayError`, so the router can still fail over.
 */
export function postToOpenAI(
  connection: OpenAIConnection,
  path: string,
  body: unknown,
  options: OpenAIPostOptions,
): Promise<OpenAIUpstreamAnswer> {
  return postJson(
    {
      provider: OPENAI_PROVIDER_NAME,
      displayName: "OpenAI",
      baseUrl: connection.baseUrl,
      transport: connection.transport,
      clock: connection.clock,
      ...(connection.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: connection.maxAnswerBytes }),
    },
    {
      path,
      headers: openAIHeaders(connection, options),
      body,
      apiKey: options.apiKey,
      signal: options.signal,
      readError: (answer) => readOpenAIError(answer.status, answer.body),
    },
  );
}
