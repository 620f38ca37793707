import { AnthropicErrorBodySchema } from "@switchyard/anthropic-api";
import type { GatewayError, GatewayErrorType } from "@switchyard/core";
import {
  isRetryableUpstreamError,
  parseJsonOrUndefined,
  quoteBody,
  retryAfterMs,
  streamInterrupted,
  type UpstreamErrorFields,
  type UpstreamIdentity,
  upstreamError,
} from "@switchyard/provider-utils";

/** The provider name errors are attributed to. */
export const ANTHROPIC_PROVIDER = "anthropic";

/** Who Anthropic errors are about, with the call's secrets. */
export const anthropicIdentity = (secrets: readonly (string | undefined)[] = []): UpstreamIdentity => ({
  provider: ANTHROPIC_PROVIDER,
  displayName: "Anthropic",
  secrets,
});

// Anthropic's error types (https://platform.claude.com/docs/en/api/errors) and the HTTP status of each.
const STATUS_OF_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

const GATEWAY_TYPES = new Set<string>([
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
  "rate_limit_error",
  "api_error",
  "overloaded_error",
  "timeout_error",
]);

/** The statuses an Anthropic error type stands for, for the one retry policy. */
const impliedStatuses = (type: string | undefined): number[] => {
  const status = type === undefined ? undefined : STATUS_OF_TYPE[type];
  return status === undefined ? [] : [status];
};

/** Whether an Anthropic failure is worth another attempt: 429, 5xx, 529 and `overloaded_error` are. */
export function isRetryableAnthropicError(status: number, type: string | undefined): boolean {
  return isRetryableUpstreamError(status, impliedStatuses(type));
}

/** The fields of a `GatewayError` an Anthropic error type carries: its gateway type and implied status. */
const fieldsOfType = (
  type: string | undefined,
): Pick<UpstreamErrorFields, "type" | "code" | "impliedStatuses"> => ({
  code: type ?? null,
  impliedStatuses: impliedStatuses(type),
  ...(type !== undefined && GATEWAY_TYPES.has(type) ? { type: type as GatewayErrorType } : {}),
});

/** Reads an Anthropic error body (or whatever a proxy in between sent) into the fields of a `GatewayError`. */
export function readAnthropicError(status: number, bodyText: string): UpstreamErrorFields {
  const parsed = AnthropicErrorBodySchema.safeParse(parseJsonOrUndefined(bodyText));
  const upstreamType = parsed.success ? parsed.data.error.type : undefined;
  const quoted = quoteBody(bodyText);
  const message = parsed.success
    ? parsed.data.error.message
    : `Anthropic returned HTTP ${status}${quoted === "" ? "" : `: ${quoted}`}`;
  return { status, message, ...fieldsOfType(upstreamType) };
}

/**
 * Maps an Anthropic HTTP error to a `GatewayError` with the upstream status and message, `retryable` set
 * (429, 500, 529 and overloaded retry; 400 and 401 do not), `retryAfterMs` from `retry-after`, and the key
 * never echoed.
 */
export function anthropicHttpError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string>> = {},
  apiKey?: string,
): GatewayError {
  const delay = retryAfterMs(headers);
  return upstreamError(anthropicIdentity([apiKey]), {
    ...readAnthropicError(status, bodyText),
    ...(delay === undefined ? {} : { retryAfterMs: delay }),
  });
}

/** Maps an in-stream `error` event (after HTTP 200) to a `GatewayError`, e.g. `overloaded_error` as a retryable 529. */
export function anthropicStreamError(
  error: { type: string; message: string },
  apiKey?: string,
): GatewayError {
  const fields = fieldsOfType(error.type);
  return upstreamError(anthropicIdentity([apiKey]), {
    status: STATUS_OF_TYPE[error.type] ?? 500,
    message: error.message,
    ...fields,
    type: fields.type ?? "upstream_error",
  });
}

/** The error for a stream that ended without `message_stop`: the upstream closed early. */
export function truncatedStreamError(): GatewayError {
  return streamInterrupted(anthropicIdentity(), "message_stop", "stream_truncated");
}
