import {
  type Clock,
  GatewayError,
  REQUEST_ABORTED_STATUS,
  systemClock,
  transportFailure,
} from "@switchyard/core";
import { isRecord } from "./is-record";

/** The provider name errors carry. */
export const OPENAI_PROVIDER_NAME = "openai";

/** The `error` object of an OpenAI error body: `{"error":{"message","type","param","code"}}`. */
export interface OpenAIErrorObject {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | number | null;
}

/** Reads the `error` object of an OpenAI error body or stream payload; `undefined` when there is none. */
export function readOpenAIErrorObject(payload: unknown): OpenAIErrorObject | undefined {
  if (!isRecord(payload) || !isRecord(payload.error)) return undefined;
  const { message, type, param, code } = payload.error;
  return {
    message: typeof message === "string" ? message : undefined,
    type: typeof type === "string" ? type : undefined,
    param: typeof param === "string" ? param : null,
    code: typeof code === "string" || typeof code === "number" ? code : null,
  };
}

// OpenAI's 401 echoes a masked key ("Incorrect API key provided: sk-proj-****abcd"); both the key and
// anything shaped like one are removed before the message reaches a client or a log.
const KEY_LIKE = /\b(?:sk|sess|rk)-[A-Za-z0-9_*.-]{4,}/g;

/** Removes the API key, and anything that looks like an OpenAI key, from a message. */
export function redactSecrets(message: string, apiKey?: string): string {
  let redacted = message;
  if (apiKey !== undefined && apiKey.length >= 4) redacted = redacted.split(apiKey).join("[redacted]");
  return redacted.replace(KEY_LIKE, "[redacted]");
}

/**
 * The delay the upstream asked for, in milliseconds: OpenAI's `retry-after-ms`, else `retry-after` in
 * seconds or as an HTTP date (RFC 9110 §10.2.3). Headers are lower-cased by the transport.
 */
export function retryAfterMsFromHeaders(
  headers: Record<string, string>,
  clock: Clock = systemClock,
): number | undefined {
  const milliseconds = Number.parseFloat(headers["retry-after-ms"] ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  const value = headers["retry-after"]?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number.parseFloat(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - clock());
}

/** What `openAIHttpError` is built from. */
export interface OpenAIHttpErrorInput {
  status: number;
  headers: Record<string, string>;
  /** The response body as text; an OpenAI error body, or anything a proxy in between sent. */
  body: string;
  apiKey?: string;
  clock?: Clock;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const MAX_QUOTED_BODY = 300;

/**
 * A non-2xx OpenAI answer as a `GatewayError`: the upstream status (so the router knows whether to fail
 * over: 408, 409, 429 and 5xx are retryable), OpenAI's message, `param` and `code` kept, the key redacted,
 * and the `retry-after` delay of a 429 or 503 carried as `retryAfterMs`.
 */
export function openAIHttpError(input: OpenAIHttpErrorInput): GatewayError {
  const upstream = readOpenAIErrorObject(parseJson(input.body));
  const fallback = input.body.trim().slice(0, MAX_QUOTED_BODY);
  const message =
    upstream?.message ?? `OpenAI returned HTTP ${input.status}${fallback === "" ? "" : `: ${fallback}`}`;
  return new GatewayError({
    status: input.status,
    message: redactSecrets(message, input.apiKey),
    code: upstream?.code === null || upstream?.code === undefined ? null : String(upstream.code),
    param: upstream?.param ?? null,
    retryAfterMs: retryAfterMsFromHeaders(input.headers, input.clock),
    provider: OPENAI_PROVIDER_NAME,
  });
}

/** The HTTP status an error `type` of a mid-stream OpenAI error stands for. */
function statusOfErrorType(type: string | undefined, code: string | null): number {
  const kind = `${type ?? ""} ${code ?? ""}`;
  if (/invalid_request|context_length/.test(kind)) return 400;
  if (/rate_limit|insufficient_quota|quota/.test(kind)) return 429;
  if (/overloaded|unavailable/.test(kind)) return 503;
  if (/timeout/.test(kind)) return 504;
  return 500;
}

/**
 * An error OpenAI sent inside a stream (`data: {"error":{...}}` on Chat, an `error` event on Responses)
 * as a `GatewayError`. The status is inferred from the error's type or code (a server error is a 500).
 */
export function openAIStreamError(error: OpenAIErrorObject, apiKey?: string): GatewayError {
  const code = error.code === null || error.code === undefined ? null : String(error.code);
  return new GatewayError({
    status: statusOfErrorType(error.type, code),
    message: redactSecrets(error.message ?? "OpenAI reported an error during the stream", apiKey),
    code,
    param: error.param ?? null,
    provider: OPENAI_PROVIDER_NAME,
  });
}

/** The status given to a request cancelled through its `AbortSignal` (core's `REQUEST_ABORTED_STATUS`). */
export const ABORTED_STATUS = REQUEST_ABORTED_STATUS;

/** A failure of the transport itself (core's `transportFailure`), with OpenAI's secrets redacted. */
export function openAITransportError(error: unknown, signal?: AbortSignal): GatewayError {
  return transportFailure(error, {
    provider: OPENAI_PROVIDER_NAME,
    displayName: "OpenAI",
    ...(signal ? { signal } : {}),
    redact: (text) => redactSecrets(text),
  });
}

/** An upstream 2xx answer the gateway cannot read (not JSON, or not the documented shape): a retryable 502. */
export function openAIMalformedAnswer(detail: string): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_response",
    message: `OpenAI sent an answer the gateway cannot read: ${detail}`,
    retryable: true,
    provider: OPENAI_PROVIDER_NAME,
  });
}
