import type { Clock, HttpTransport, TransportResponse } from "@switchyard/core";
import { openAIHttpError, openAIMalformedAnswer, openAITransportError } from "./openai-errors";

/** The default upstream: OpenAI's public API. */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** How the provider reaches OpenAI: base URL, transport, extra headers and the clock for `retry-after` dates. */
export interface OpenAIConnection {
  baseUrl: string;
  transport: HttpTransport;
  headers: Record<string, string>;
  clock: Clock;
}

/** One call's inputs: key, cancellation and whether the answer is a stream. */
export interface OpenAIPostOptions {
  apiKey: string;
  signal?: AbortSignal;
  stream: boolean;
}

/**
 * An accepted (2xx) upstream answer. `release` ends the call: with `cancel` (the default) it aborts the
 * request, for a reader that stopped early; after a body read to its end it only detaches from the caller's
 * signal, since aborting costs a DOMException and nothing is left to cancel.
 */
export interface OpenAIUpstreamAnswer {
  response: TransportResponse;
  release(cancel?: boolean): void;
  /** The signal the transport saw: aborted by the caller's signal or by `release`. */
  signal: AbortSignal;
}

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
export function openAIUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/**
 * POSTs a JSON body to OpenAI. Resolves once the upstream answered 2xx; a non-2xx answer or a transport
 * failure rejects with a `GatewayError`, so the router can still fail over. The caller's signal cancels
 * the request at any point, body included.
 */
export async function postToOpenAI(
  connection: OpenAIConnection,
  path: string,
  body: unknown,
  options: OpenAIPostOptions,
): Promise<OpenAIUpstreamAnswer> {
  const controller = new AbortController();
  const callerSignal = options.signal;
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forwardAbort();
  else callerSignal?.addEventListener("abort", forwardAbort, { once: true });
  const release = (cancel = true) => {
    callerSignal?.removeEventListener("abort", forwardAbort);
    if (cancel) controller.abort();
  };

  let response: TransportResponse;
  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    response = await connection.transport({
      method: "POST",
      url: openAIUrl(connection.baseUrl, path),
      headers: openAIHeaders(connection, options),
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    release();
    throw openAITransportError(error, callerSignal);
  }
  if (response.status < 200 || response.status >= 300) {
    let text = "";
    try {
      text = await response.text();
    } catch (error) {
      release();
      throw openAITransportError(error, callerSignal);
    }
    release();
    throw openAIHttpError({
      status: response.status,
      headers: response.headers,
      body: text,
      apiKey: options.apiKey,
      clock: connection.clock,
    });
  }
  return { response, release, signal: controller.signal };
}

/** Reads a whole JSON answer; a transport failure or a body that is not JSON becomes a `GatewayError`. */
export async function readJsonAnswer(
  answer: OpenAIUpstreamAnswer,
  callerSignal?: AbortSignal,
): Promise<unknown> {
  let text: string;
  try {
    text = await answer.response.text();
  } catch (error) {
    answer.release();
    throw openAITransportError(error, callerSignal);
  }
  answer.release(false);
  try {
    return JSON.parse(text);
  } catch {
    throw openAIMalformedAnswer(`the body is not JSON: ${text.slice(0, 80)}`);
  }
}
