import { GatewayError, type GatewayErrorType, isRetryableStatus } from "@switchyard/core";
import { AnthropicErrorBodySchema } from "./anthropic-api";

/** The provider name errors are attributed to. */
export const ANTHROPIC_PROVIDER = "anthropic";

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

const KEY_PATTERN = /sk-ant-[A-Za-z0-9_-]+/g;

/** Removes the API key (and anything shaped like an Anthropic key) from a message. */
export function redactSecrets(text: string, apiKey?: string): string {
  let redacted = text;
  if (apiKey !== undefined && apiKey.length >= 8) redacted = redacted.split(apiKey).join("[redacted]");
  return redacted.replace(KEY_PATTERN, "[redacted]");
}

/** Whether an Anthropic failure is worth another attempt: 429, 5xx, 529 and `overloaded_error` are. */
export function isRetryableAnthropicError(status: number, type: string | undefined): boolean {
  if (type === "overloaded_error" || type === "rate_limit_error" || type === "api_error") return true;
  return isRetryableStatus(status);
}

/** The delay a `retry-after-ms` or `retry-after` (seconds) header asks for, in milliseconds. */
export function retryAfterMs(headers: Readonly<Record<string, string>>): number | undefined {
  const milliseconds = Number(headers["retry-after-ms"]);
  if (headers["retry-after-ms"] !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0)
    return milliseconds;
  const seconds = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

const MAX_RAW_BODY = 500;

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
  let parsedBody: unknown;
  try {
    parsedBody = JSON.parse(bodyText);
  } catch {
    parsedBody = undefined;
  }
  const parsed = AnthropicErrorBodySchema.safeParse(parsedBody);
  const upstreamType = parsed.success ? parsed.data.error.type : undefined;
  const rawText = bodyText.length > MAX_RAW_BODY ? `${bodyText.slice(0, MAX_RAW_BODY)}...` : bodyText;
  const message = parsed.success
    ? parsed.data.error.message
    : `Anthropic returned HTTP ${status}${rawText.trim() === "" ? "" : `: ${rawText}`}`;
  const init: ConstructorParameters<typeof GatewayError>[0] = {
    status,
    message: redactSecrets(message, apiKey),
    code: upstreamType ?? null,
    retryable: isRetryableAnthropicError(status, upstreamType),
    provider: ANTHROPIC_PROVIDER,
  };
  if (upstreamType !== undefined && GATEWAY_TYPES.has(upstreamType))
    init.type = upstreamType as GatewayErrorType;
  const delay = retryAfterMs(headers);
  if (delay !== undefined) init.retryAfterMs = delay;
  return new GatewayError(init);
}

/** Maps an in-stream `error` event (after HTTP 200) to a `GatewayError`, e.g. `overloaded_error` as a retryable 529. */
export function anthropicStreamError(
  error: { type: string; message: string },
  apiKey?: string,
): GatewayError {
  const status = STATUS_OF_TYPE[error.type] ?? 500;
  return new GatewayError({
    status,
    type: GATEWAY_TYPES.has(error.type) ? (error.type as GatewayErrorType) : "upstream_error",
    code: error.type,
    message: redactSecrets(error.message, apiKey),
    retryable: isRetryableAnthropicError(status, error.type),
    provider: ANTHROPIC_PROVIDER,
  });
}

/** The error for a stream that ended without `message_stop`: the upstream closed early. */
export function truncatedStreamError(): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "stream_truncated",
    message: "The Anthropic stream ended before message_stop.",
    retryable: true,
    provider: ANTHROPIC_PROVIDER,
  });
}
