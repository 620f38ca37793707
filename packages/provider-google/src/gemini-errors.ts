import type { GatewayError } from "@switchyard/core";
import {
  parseJsonOrUndefined,
  quoteBody,
  retryAfterMs,
  type UpstreamErrorFields,
  type UpstreamIdentity,
  upstreamError,
} from "@switchyard/provider-utils";
import { GeminiErrorBodySchema } from "./gemini-api";

/** Who Gemini errors are about, with the call's secrets. */
export const geminiIdentity = (secrets: readonly (string | undefined)[] = []): UpstreamIdentity => ({
  provider: "google",
  displayName: "Gemini",
  secrets,
});

/** Parses a protobuf Duration as JSON spells it (`"34.4s"`, `"2s"`) into milliseconds. */
export function parseDurationMs(duration: unknown): number | undefined {
  if (typeof duration !== "string") return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(duration.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

const typeEnding = (detail: Record<string, unknown>, name: string) =>
  typeof detail["@type"] === "string" && detail["@type"].endsWith(`google.rpc.${name}`);

/**
 * Reads a Gemini error body into the fields of a `GatewayError`: the upstream status and, for a 429, the
 * delay Google asks for in the `retryDelay` of its `google.rpc.RetryInfo` detail (else the one `retry-after`
 * parser decides). An invalid API key (400 with reason `API_KEY_INVALID`) becomes a 401. `code` is Google's
 * status in lower case (`resource_exhausted`, `invalid_argument`).
 */
export function readGeminiError(status: number, bodyText: string): UpstreamErrorFields {
  const parsed = parseJsonOrUndefined(bodyText);
  const body = GeminiErrorBodySchema.safeParse(Array.isArray(parsed) ? parsed[0] : parsed);
  const error = body.success ? body.data.error : undefined;
  const details = error?.details ?? [];
  const retryInfo = details.find((detail) => typeEnding(detail, "RetryInfo"));
  const retryDelay = parseDurationMs(retryInfo?.["retryDelay"]);
  const invalidKey = details.some(
    (detail) => typeEnding(detail, "ErrorInfo") && detail["reason"] === "API_KEY_INVALID",
  );
  const quoted = quoteBody(bodyText);
  return {
    status: invalidKey ? 401 : status,
    message:
      error?.message ??
      (quoted === "" ? `Gemini answered HTTP ${status}.` : `Gemini answered HTTP ${status}: ${quoted}`),
    code: error?.status?.toLowerCase() ?? null,
    ...(retryDelay === undefined ? {} : { retryAfterMs: retryDelay }),
  };
}

/** A Gemini HTTP error as a `GatewayError` (see `readGeminiError`), with `retry-after` as the fallback delay. */
export function geminiErrorToGatewayError(
  status: number,
  bodyText: string,
  headers: Record<string, string> = {},
  now: number = Date.now(),
  apiKey?: string,
): GatewayError {
  const fields = readGeminiError(status, bodyText);
  const delay = fields.retryAfterMs ?? retryAfterMs(headers, () => now);
  return upstreamError(geminiIdentity([apiKey]), {
    ...fields,
    ...(delay === undefined ? {} : { retryAfterMs: delay }),
  });
}

/** An error frame inside a 200 stream (`{"error": {...}}`) as a `GatewayError`. */
export function geminiStreamErrorToGatewayError(frame: unknown): GatewayError | undefined {
  const body = GeminiErrorBodySchema.safeParse(frame);
  if (!body.success) return undefined;
  const status = body.data.error.code ?? 500;
  return geminiErrorToGatewayError(status, JSON.stringify(frame));
}
