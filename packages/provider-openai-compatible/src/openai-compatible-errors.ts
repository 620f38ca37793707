import { type Clock, GatewayError, systemClock, transportFailure } from "@switchyard/core";
import { isJsonObject, parseJsonOrUndefined } from "./json-value";

/** Message, code, type and param read from any of the error shapes compatible servers send. */
interface UpstreamErrorFields {
  message: string;
  code: string | null;
  type: string | null;
  param: string | null;
  status: number | undefined;
}

const text = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : null;

/**
 * Reads an error body: OpenAI's `{error: {message, type, code, param}}` (DeepSeek, Groq), `{error: "..."}`
 * (Ollama, xAI), `{object: "error", message, type, code}` (Mistral, vLLM) or `{detail}`; anything else is
 * used as text.
 */
export function readUpstreamError(body: unknown, fallbackText = ""): UpstreamErrorFields {
  const fields: UpstreamErrorFields = {
    message: fallbackText,
    code: null,
    type: null,
    param: null,
    status: undefined,
  };
  if (!isJsonObject(body)) return fields;
  const inner = isJsonObject(body["error"]) ? body["error"] : body;
  fields.message =
    text(inner["message"]) ??
    text(body["error"]) ??
    text(body["detail"]) ??
    (fallbackText || JSON.stringify(body));
  fields.code = text(inner["code"]);
  fields.type = text(inner["type"]);
  fields.param = text(inner["param"]);
  const status = inner["status"] ?? inner["status_code"] ?? body["raw_status_code"];
  if (typeof status === "number" && status >= 400 && status < 600) fields.status = status;
  return fields;
}

/**
 * The delay a server asks for before a retry: `retry-after-ms`, or `retry-after` in seconds or as an
 * HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after).
 */
export function retryAfterMs(
  headers: Record<string, string>,
  clock: Clock = systemClock,
): number | undefined {
  const milliseconds = Number(headers["retry-after-ms"]);
  if (headers["retry-after-ms"] !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0)
    return milliseconds;
  const value = headers["retry-after"];
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - clock());
}

/** Inputs of `openAICompatibleHttpError`. */
export interface HttpErrorInput {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  provider: string;
  clock?: Clock;
}

/** Turns an upstream HTTP error into a `GatewayError` with status, `retryable` and `retryAfterMs`. */
export function openAICompatibleHttpError(input: HttpErrorInput): GatewayError {
  const fields = readUpstreamError(parseJsonOrUndefined(input.bodyText), input.bodyText.slice(0, 1000));
  return new GatewayError({
    status: input.status,
    message: fields.message || `${input.provider} answered HTTP ${input.status}.`,
    code: fields.code ?? fields.type,
    param: fields.param,
    retryAfterMs: retryAfterMs(input.headers, input.clock),
    provider: input.provider,
  });
}

/** Turns an error object sent inside a stream into a `GatewayError` (500 unless it names a status). */
export function openAICompatibleStreamError(body: unknown, provider: string): GatewayError {
  const fields = readUpstreamError(body);
  return new GatewayError({
    status: fields.status ?? 500,
    message: fields.message || `${provider} reported an error in the stream.`,
    code: fields.code ?? fields.type,
    param: fields.param,
    provider,
  });
}

/** Turns a failed request (network error, abort) into a `GatewayError` (core's `transportFailure`). */
export function openAICompatibleTransportError(
  error: unknown,
  provider: string,
  signal?: AbortSignal,
): GatewayError {
  return transportFailure(error, { provider, ...(signal ? { signal } : {}) });
}
