import { type Clock, type GatewayError, systemClock } from "@switchyard/core";
import {
  parseJsonOrUndefined,
  retryAfterMs,
  transportFailure,
  type UpstreamErrorFields,
  upstreamError,
} from "@switchyard/provider-utils";
import { isJsonObject } from "./json-value";

/** Message, code, type and param read from any of the error shapes compatible servers send. */
interface CompatibleErrorFields {
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
export function readUpstreamError(body: unknown, fallbackText = ""): CompatibleErrorFields {
  const fields: CompatibleErrorFields = {
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

/** Inputs of `openAICompatibleHttpError`. */
export interface HttpErrorInput {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  provider: string;
  clock?: Clock;
  /** The call's key, redacted from the message. */
  apiKey?: string;
}

/** Reads an error body of a compatible server into the fields of a `GatewayError`. */
export function readOpenAICompatibleError(
  status: number,
  bodyText: string,
  provider: string,
): UpstreamErrorFields {
  const fields = readUpstreamError(parseJsonOrUndefined(bodyText), bodyText.slice(0, 1000));
  return {
    status,
    message: fields.message || `${provider} answered HTTP ${status}.`,
    code: fields.code ?? fields.type,
    param: fields.param,
  };
}

/** Turns an upstream HTTP error into a `GatewayError` with status, `retryable` and `retryAfterMs`. */
export function openAICompatibleHttpError(input: HttpErrorInput): GatewayError {
  const delay = retryAfterMs(input.headers, input.clock ?? systemClock);
  return upstreamError(
    { provider: input.provider, secrets: [input.apiKey] },
    {
      ...readOpenAICompatibleError(input.status, input.bodyText, input.provider),
      ...(delay === undefined ? {} : { retryAfterMs: delay }),
    },
  );
}

/** Turns an error object sent inside a stream into a `GatewayError` (500 unless it names a status). */
export function openAICompatibleStreamError(body: unknown, provider: string, apiKey?: string): GatewayError {
  const fields = readUpstreamError(body);
  return upstreamError(
    { provider, secrets: [apiKey] },
    {
      status: fields.status ?? 500,
      message: fields.message || `${provider} reported an error in the stream.`,
      code: fields.code ?? fields.type,
      param: fields.param,
    },
  );
}

/** Turns a failed request (network error, abort) into a `GatewayError` (provider-utils' `transportFailure`). */
export function openAICompatibleTransportError(
  error: unknown,
  provider: string,
  signal?: AbortSignal,
): GatewayError {
  return transportFailure(error, { provider, signal });
}
