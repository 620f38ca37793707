import {
  GatewayError,
  type GatewayErrorType,
  isRetryableStatus,
  REQUEST_ABORTED_STATUS,
} from "@switchyard/core";
import { redactSecrets } from "./redact";

/** Who an error is about: the provider's name (as in `routing_metadata.provider`) and how messages say it. */
export interface UpstreamIdentity {
  provider: string;
  /** Name used in messages, such as `Anthropic`; the provider name when absent. */
  displayName?: string;
  /** Secrets to remove from every message: the call's API key, the upstream's base URL (`upstreamSecrets`). */
  secrets?: readonly (string | undefined)[];
}

/** The fields a provider reads from an upstream error body or in-stream error event. */
export interface UpstreamErrorFields {
  /** The HTTP status the gateway answers with (the upstream's, or the one its error type stands for). */
  status: number;
  message: string;
  type?: GatewayErrorType;
  code?: string | null;
  param?: string | null;
  /**
   * Statuses the upstream's error type stands for besides `status` (Anthropic's `overloaded_error` in a 200
   * stream is a 529): the error is retryable when any of them is under the one policy.
   */
  impliedStatuses?: readonly number[];
  retryAfterMs?: number;
}

const nameOf = (identity: UpstreamIdentity): string => identity.displayName ?? identity.provider;

/**
 * The one retry policy of every provider: an upstream answer is worth another attempt (at the same or another
 * provider) when its status, or a status its error type stands for, is 408, 409, 425, 429, 5xx or 529
 * (core's `isRetryableStatus`). Transport failures, timeouts and unreadable 2xx answers are retryable; a
 * cancelled request is not.
 */
export function isRetryableUpstreamError(status: number, impliedStatuses: readonly number[] = []): boolean {
  return isRetryableStatus(status) || impliedStatuses.some(isRetryableStatus);
}

/**
 * An upstream error (HTTP error status, or an error event inside a stream) as a `GatewayError`: the fields
 * the provider read, the message, code and param redacted by the one rule, `retryable` from the one policy.
 */
export function upstreamError(identity: UpstreamIdentity, fields: UpstreamErrorFields): GatewayError {
  const redact = (text: string) => redactSecrets(text, identity.secrets);
  const message =
    fields.message.trim() === "" ? `${nameOf(identity)} answered HTTP ${fields.status}.` : fields.message;
  return new GatewayError({
    status: fields.status,
    message: redact(message),
    ...(fields.type === undefined ? {} : { type: fields.type }),
    code: fields.code === undefined || fields.code === null ? null : redact(fields.code),
    param: fields.param === undefined || fields.param === null ? null : redact(fields.param),
    retryable: isRetryableUpstreamError(fields.status, fields.impliedStatuses),
    ...(fields.retryAfterMs === undefined ? {} : { retryAfterMs: fields.retryAfterMs }),
    provider: identity.provider,
  });
}

/** The start of an unreadable body quoted in a message, never more. */
export const MAX_QUOTED_BODY = 300;

/** `text` cut to `MAX_QUOTED_BODY` characters, with `...` when it was longer. */
export const quoteBody = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.length > MAX_QUOTED_BODY ? `${trimmed.slice(0, MAX_QUOTED_BODY)}...` : trimmed;
};

/** A 2xx upstream answer the gateway cannot read (not JSON, not the documented shape): a retryable 502. */
export function malformedAnswer(identity: UpstreamIdentity, detail: string): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_response",
    message: redactSecrets(
      `${nameOf(identity)} sent an answer the gateway cannot read: ${detail}`,
      identity.secrets,
    ),
    retryable: true,
    provider: identity.provider,
  });
}

/** A whole upstream answer larger than the configured cap: a retryable 502 that names the cap. */
export function answerTooLarge(identity: UpstreamIdentity, maxBytes: number): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_answer_too_large",
    message: `${nameOf(identity)} sent an answer larger than the gateway's ${maxBytes}-byte limit for a whole answer.`,
    retryable: true,
    provider: identity.provider,
  });
}

/** A stream the upstream ended before its protocol's last event: a retryable 502. */
export function streamInterrupted(
  identity: UpstreamIdentity,
  detail: string,
  code = "stream_interrupted",
): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code,
    message: `The ${nameOf(identity)} stream ended before ${detail}.`,
    retryable: true,
    provider: identity.provider,
  });
}

// What a transport failure is, by its error code (Node's system errors and undici's `UND_ERR_*`). The message
// is built from the code only: the transport's own text names hosts, addresses and paths.
const FAILURES: Readonly<Record<string, { what: string; timeout?: true }>> = {
  ECONNREFUSED: { what: "the connection was refused" },
  ECONNRESET: { what: "the connection was reset" },
  EPIPE: { what: "the connection was reset" },
  ENOTFOUND: { what: "its host name did not resolve" },
  EAI_AGAIN: { what: "its host name did not resolve" },
  EHOSTUNREACH: { what: "its host is unreachable" },
  ENETUNREACH: { what: "its network is unreachable" },
  ETIMEDOUT: { what: "the connection timed out", timeout: true },
  UND_ERR_CONNECT_TIMEOUT: { what: "connecting timed out", timeout: true },
  UND_ERR_HEADERS_TIMEOUT: { what: "no response headers arrived in time", timeout: true },
  UND_ERR_BODY_TIMEOUT: { what: "the answer stalled", timeout: true },
  UND_ERR_SOCKET: { what: "the connection closed unexpectedly" },
  UND_ERR_CLOSED: { what: "the connection closed unexpectedly" },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { what: "the answer was cut short" },
  ERR_STREAM_PREMATURE_CLOSE: { what: "the answer was cut short" },
  UND_ERR_INFO: { what: "the connection failed" },
  ERR_TLS_CERT_ALTNAME_INVALID: { what: "its TLS certificate does not match" },
  CERT_HAS_EXPIRED: { what: "its TLS certificate has expired" },
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: "its TLS certificate is not trusted" },
  SELF_SIGNED_CERT_IN_CHAIN: { what: "its TLS certificate is not trusted" },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { what: "its TLS certificate is not trusted" },
};

/** The first error code (`ECONNRESET`, `UND_ERR_BODY_TIMEOUT`) along an error's `cause` chain. */
function failureCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code in FAILURES) return code;
    if ((current as { name?: unknown }).name === "TimeoutError") return "ETIMEDOUT";
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A failure of the HTTP transport (before or while reading an answer) as a `GatewayError`: a request
 * cancelled through its signal is a 499 `request_aborted` (not retryable); a timeout a retryable 504
 * `upstream_timeout`; anything else a retryable 502 `upstream_unreachable`. The message names the provider
 * and what happened (from the error code), never the transport's own text. A `GatewayError` passes through.
 */
export function transportFailure(
  error: unknown,
  identity: UpstreamIdentity & { signal?: AbortSignal | undefined },
): GatewayError {
  if (error instanceof GatewayError) return error;
  const name = nameOf(identity);
  const aborted =
    identity.signal?.aborted === true || (error instanceof Error && error.name === "AbortError");
  if (aborted) {
    return new GatewayError({
      status: REQUEST_ABORTED_STATUS,
      type: "request_aborted",
      code: "request_aborted",
      message: `The request to ${name} was cancelled.`,
      retryable: false,
      provider: identity.provider,
      cause: error,
    });
  }
  const code = failureCode(error);
  const failure = code === undefined ? undefined : FAILURES[code];
  if (failure?.timeout === true) {
    return new GatewayError({
      status: 504,
      type: "timeout_error",
      code: "upstream_timeout",
      message: `${name} did not answer in time: ${failure.what}.`,
      retryable: true,
      provider: identity.provider,
      cause: error,
    });
  }
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_unreachable",
    message: `Could not reach ${name}: ${failure?.what ?? "the request failed"}.`,
    retryable: true,
    provider: identity.provider,
    cause: error,
  });
}
