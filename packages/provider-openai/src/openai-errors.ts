import { type Clock, type GatewayError, REQUEST_ABORTED_STATUS, systemClock } from "@switchyard/core";
import {
  malformedAnswer,
  parseJsonOrUndefined,
  quoteBody,
  retryAfterMs,
  transportFailure,
  type UpstreamErrorFields,
  type UpstreamIdentity,
  upstreamError,
} from "@switchyard/provider-utils";
import { isRecord } from "./is-record";

/** The provider name errors carry. */
export const OPENAI_PROVIDER_NAME = "openai";

/** Who OpenAI errors are about, with the call's secrets. */
export const openAIIdentity = (secrets: readonly (string | undefined)[] = []): UpstreamIdentity => ({
  provider: OPENAI_PROVIDER_NAME,
  displayName: "OpenAI",
  secrets,
});

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

/** What `openAIHttpError` is built from. */
export interface OpenAIHttpErrorInput {
  status: number;
  headers: Record<string, string>;
  /** The response body as text; an OpenAI error body, or anything a proxy in between sent. */
  body: string;
  apiKey?: string;
  clock?: Clock;
}

/** Reads an OpenAI error body (or whatever a proxy in between sent) into the fields of a `GatewayError`. */
export function readOpenAIError(status: number, body: string): UpstreamErrorFields {
  const upstream = readOpenAIErrorObject(parseJsonOrUndefined(body));
  const fallback = quoteBody(body);
  return {
    status,
    message: upstream?.message ?? `OpenAI returned HTTP ${status}${fallback === "" ? "" : `: ${fallback}`}`,
    code: upstream?.code === null || upstream?.code === undefined ? null : String(upstream.code),
    param: upstream?.param ?? null,
  };
}

/**
 * A non-2xx OpenAI answer as a `GatewayError`: the upstream status (so the router knows whether to fail
 * over), OpenAI's message, `param` and `code` kept, secrets redacted, and the `retry-after` delay of a 429
 * or 503 carried as `retryAfterMs`.
 */
export function openAIHttpError(input: OpenAIHttpErrorInput): GatewayError {
  const delay = retryAfterMs(input.headers, input.clock ?? systemClock);
  return upstreamError(openAIIdentity([input.apiKey]), {
    ...readOpenAIError(input.status, input.body),
    ...(delay === undefined ? {} : { retryAfterMs: delay }),
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
  return upstreamError(openAIIdentity([apiKey]), {
    status: statusOfErrorType(error.type, code),
    message: error.message ?? "OpenAI reported an error during the stream",
    code,
    param: error.param ?? null,
  });
}

/** The status given to a request cancelled through its `AbortSignal` (core's `REQUEST_ABORTED_STATUS`). */
export const ABORTED_STATUS = REQUEST_ABORTED_STATUS;

/** A failure of the transport itself (provider-utils' `transportFailure`), named for OpenAI. */
export function openAITransportError(error: unknown, signal?: AbortSignal): GatewayError {
  return transportFailure(error, { ...openAIIdentity(), signal });
}

/** An upstream 2xx answer the gateway cannot read (not JSON, or not the documented shape): a retryable 502. */
export function openAIMalformedAnswer(detail: string): GatewayError {
  return malformedAnswer(openAIIdentity(), detail);
}
