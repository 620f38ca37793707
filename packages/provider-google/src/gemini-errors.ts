import { GatewayError, isRetryableStatus } from "@switchyard/core";
import { GeminiErrorBodySchema } from "./gemini-api";

const provider = "google";

/** Parses a protobuf Duration as JSON spells it (`"34.4s"`, `"2s"`) into milliseconds. */
export function parseDurationMs(duration: unknown): number | undefined {
  if (typeof duration !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** Parses an HTTP `retry-after` header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const typeEnding = (detail: Record<string, unknown>, name: string) =>
  typeof detail["@type"] === "string" && detail["@type"].endsWith(`google.rpc.${name}`);

/**
 * Maps a Gemini HTTP error to a `GatewayError` with the upstream status, `retryable` (408, 409, 425, 429,
 * 5xx) and, for a 429, the delay Google asks for: the `retryDelay` of the `google.rpc.RetryInfo` detail, or
 * the `retry-after` header. An invalid API key (400 with reason `API_KEY_INVALID`) becomes a 401.
 * `code` is Google's status in lower case (`resource_exhausted`, `invalid_argument`).
 */
export function geminiErrorToGatewayError(
  status: number,
  bodyText: string,
  headers: Record<string, string> = {},
  now: number = Date.now(),
): GatewayError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const body = GeminiErrorBodySchema.safeParse(Array.isArray(parsed) ? parsed[0] : parsed);
  const error = body.success ? body.data.error : undefined;
  const details = error?.details ?? [];
  const retryInfo = details.find((detail) => typeEnding(detail, "RetryInfo"));
  const retryAfterMs =
    parseDurationMs(retryInfo?.["retryDelay"]) ?? parseRetryAfterMs(headers["retry-after"], now);
  const invalidKey = details.some(
    (detail) => typeEnding(detail, "ErrorInfo") && detail["reason"] === "API_KEY_INVALID",
  );
  const effectiveStatus = invalidKey ? 401 : status;
  const message =
    error?.message ??
    (bodyText.trim() === ""
      ? `Gemini answered HTTP ${status}.`
      : `Gemini answered HTTP ${status}: ${bodyText.slice(0, 500)}`);
  return new GatewayError({
    status: effectiveStatus,
    message,
    code: error?.status?.toLowerCase() ?? null,
    retryable: isRetryableStatus(effectiveStatus),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    provider,
  });
}

/** An error frame inside a 200 stream (`{"error": {...}}`) as a `GatewayError`. */
export function geminiStreamErrorToGatewayError(frame: unknown): GatewayError | undefined {
  const body = GeminiErrorBodySchema.safeParse(frame);
  if (!body.success) return undefined;
  const status = body.data.error.code ?? 500;
  return geminiErrorToGatewayError(status, JSON.stringify(frame));
}
