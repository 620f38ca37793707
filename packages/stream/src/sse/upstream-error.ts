import { GatewayError } from "@switchyard/core";

/** The fields of an upstream error body; all optional and untrusted. */
export interface ErrorBody {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  param?: unknown;
}

const textOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The `GatewayError` of an upstream Chat frame that reports a failure: `{"error":{...}}` (OpenAI and most
 * compatible servers) or an `event: error` frame. Undefined for an ordinary chunk.
 */
export function upstreamErrorOf(value: unknown, eventName: string | undefined): GatewayError | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const nested = (value as { error?: unknown }).error;
  let body: ErrorBody | undefined;
  if (typeof nested === "object" && nested !== null) body = nested as ErrorBody;
  else if (eventName === "error") body = value as ErrorBody;
  return body === undefined ? undefined : gatewayErrorOfBody(body);
}

/** A mid-stream upstream error body -> a non-retryable `GatewayError` (the response already started). */
export function gatewayErrorOfBody(body: ErrorBody): GatewayError {
  const code = body.code;
  return new GatewayError({
    status: 500,
    type: textOrNull(body.type) ?? "api_error",
    code: typeof code === "number" ? String(code) : textOrNull(code),
    param: textOrNull(body.param),
    message: textOrNull(body.message) ?? "The upstream reported an error mid-stream.",
    retryable: false,
  });
}

/** The `GatewayError` of an upstream frame whose data is not JSON. */
export function invalidUpstreamFrame(data: string): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_frame",
    message: `The upstream sent a frame that is not JSON: ${data.slice(0, 80)}`,
    retryable: false,
  });
}
