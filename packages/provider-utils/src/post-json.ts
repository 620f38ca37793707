import { type Clock, type HttpTransport, systemClock, type TransportResponse } from "@switchyard/core";
import { DEFAULT_MAX_ANSWER_BYTES, parseAnswerJson, readAnswerText, readErrorText } from "./read-answer";
import { upstreamSecrets } from "./redact";
import { retryAfterMs } from "./retry-after";
import {
  transportFailure,
  type UpstreamErrorFields,
  type UpstreamIdentity,
  upstreamError,
} from "./upstream-errors";

/** How a provider reaches its upstream: who it is, where, over which transport, and its limits. */
export interface UpstreamConnection {
  /** Provider name, as in `routing_metadata.provider`. */
  provider: string;
  /** Name used in messages (`Anthropic`); the provider name when absent. */
  displayName?: string;
  /** The upstream's base URL; paths are appended to it. Never named in an error. */
  baseUrl: string;
  transport: HttpTransport;
  /** The clock `retry-after` dates are read against. */
  clock?: Clock;
  /** Cap on a whole answer, in bytes (`DEFAULT_MAX_ANSWER_BYTES` when absent). */
  maxAnswerBytes?: number;
}

/** What an error body reader gets: the status, the (start of the) body and the lower-cased headers. */
export interface UpstreamErrorAnswer {
  status: number;
  headers: Record<string, string>;
  /** The error body as text, at most `MAX_ERROR_BODY_BYTES` of it. */
  body: string;
}

/**
 * Reads a provider's error body into the fields of a `GatewayError`. `retryAfterMs`, when the reader leaves
 * it out, comes from the one `retry-after` parser; the message is redacted afterwards.
 */
export type UpstreamErrorReader = (answer: UpstreamErrorAnswer) => UpstreamErrorFields;

/** One JSON POST. */
export interface JsonPost {
  /** Appended to the base URL (`/v1/messages`, `/chat/completions`). */
  path: string;
  /** Every request header (content type and auth included); the caller decides their order and precedence. */
  headers: Record<string, string>;
  /** Serialised with `JSON.stringify` before the request starts: a body that cannot be serialised throws as is. */
  body: unknown;
  /** The call's key: redacted from every error. */
  apiKey?: string;
  /** Cancels the request at any point, body included. */
  signal?: AbortSignal | undefined;
  readError: UpstreamErrorReader;
}

/**
 * An accepted (2xx) upstream answer. Its `body` maps transport failures to `GatewayError`s and ends the
 * call when it finishes. `release` ends the call by hand: with `cancel` (the default) it aborts the request,
 * for a reader that stopped early; after a body read to its end it only detaches from the caller's signal.
 */
export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
  /** The whole body as text, under the answer cap. */
  text(): Promise<string>;
  /** The whole body as JSON, under the answer cap; text that is not JSON is a retryable 502. */
  json(): Promise<unknown>;
  release(cancel?: boolean): void;
  /** The signal the transport saw: aborted by the caller's signal or by `release`. */
  readonly signal: AbortSignal;
  /** Who answered, with the secrets to redact: for errors the provider builds from this answer. */
  readonly identity: UpstreamIdentity;
}

/** Joins a base URL and a path without doubling the slash. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** Relays a body, mapping a transport failure to a `GatewayError` and ending the call when it stops. */
async function* relayBody(
  body: AsyncIterable<Uint8Array>,
  release: (cancel?: boolean) => void,
  identity: UpstreamIdentity & { signal?: AbortSignal | undefined },
): AsyncGenerator<Uint8Array> {
  let readToEnd = false;
  try {
    for await (const bytes of body) yield bytes;
    readToEnd = true;
  } catch (error) {
    throw transportFailure(error, identity);
  } finally {
    release(!readToEnd);
  }
}

/**
 * POSTs a JSON body with the connection's transport. Resolves once the upstream answered 2xx; a non-2xx
 * answer (read by `post.readError`) or a transport failure rejects with a `GatewayError`, so the router can
 * still fail over. Every error is redacted and follows the one retry policy.
 */
export async function postJson(connection: UpstreamConnection, post: JsonPost): Promise<UpstreamAnswer> {
  const identity: UpstreamIdentity = {
    provider: connection.provider,
    ...(connection.displayName === undefined ? {} : { displayName: connection.displayName }),
    secrets: upstreamSecrets(connection.baseUrl, post.apiKey),
  };
  const callerSignal = post.signal;
  const failureIdentity = { ...identity, signal: callerSignal };
  // Outside the transport's try: a body the gateway cannot serialise is not an upstream failure.
  const body = JSON.stringify(post.body);

  const controller = new AbortController();
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
      url: joinUrl(connection.baseUrl, post.path),
      headers: post.headers,
      body,
      signal: controller.signal,
    });
  } catch (error) {
    release();
    throw transportFailure(error, failureIdentity);
  }

  if (response.status < 200 || response.status >= 300) {
    let text: string;
    try {
      text = await readErrorText(response.body);
    } catch (error) {
      release();
      throw transportFailure(error, failureIdentity);
    }
    release();
    const fields = post.readError({ status: response.status, headers: response.headers, body: text });
    const delay = fields.retryAfterMs ?? retryAfterMs(response.headers, connection.clock ?? systemClock);
    throw upstreamError(identity, { ...fields, ...(delay === undefined ? {} : { retryAfterMs: delay }) });
  }

  const limit = { ...identity, maxBytes: connection.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES };
  const text = async (): Promise<string> => {
    try {
      const whole = await readAnswerText(response, limit);
      release(false);
      return whole;
    } catch (error) {
      release();
      throw transportFailure(error, failureIdentity);
    }
  };
  return {
    status: response.status,
    headers: response.headers,
    body: relayBody(response.body, release, failureIdentity),
    text,
    json: async () => parseAnswerJson(await text(), identity),
    release,
    signal: controller.signal,
    identity,
  };
}
