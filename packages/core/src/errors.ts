/** The `type` values of OpenAI-shaped errors the gateway returns. */
export type GatewayErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "api_error"
  | "overloaded_error"
  | "timeout_error"
  | "upstream_error"
  | (string & {});

/** What a `GatewayError` is built from. */
export interface GatewayErrorInit {
  status: number;
  message: string;
  type?: GatewayErrorType;
  code?: string | null;
  param?: string | null;
  /** Whether another attempt (at the same or another provider) may succeed. */
  retryable?: boolean;
  /** The upstream's requested delay before a retry, from `retry-after` or the provider's own field. */
  retryAfterMs?: number;
  /** The provider that produced the error, when it came from upstream. */
  provider?: string;
  cause?: unknown;
}

/** The body of an OpenAI-shaped error response. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const typeForStatus = (status: number): GatewayErrorType => {
  if (status === 400 || status === 413 || status === 422) return "invalid_request_error";
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 408 || status === 504) return "timeout_error";
  if (status === 429) return "rate_limit_error";
  if (status === 529 || status === 503) return "overloaded_error";
  return "api_error";
};

/** Whether an upstream HTTP status is worth another attempt: 408, 409, 425, 429, 5xx and 529. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/** The one error type of the gateway: carries status, type, code, param and whether a retry may help. */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly status: number;
  readonly type: GatewayErrorType;
  readonly code: string | null;
  readonly param: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly provider: string | undefined;

  constructor(init: GatewayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.type = init.type ?? typeForStatus(init.status);
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.retryable = init.retryable ?? isRetryableStatus(init.status);
    this.retryAfterMs = init.retryAfterMs;
    this.provider = init.provider;
  }

  /** The OpenAI wire shape: `{"error":{"message","type","param","code"}}`. */
  toJSON(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** A 400 for a malformed request; `param` is the field path. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): GatewayError {
  return new GatewayError({
    status: 400,
    type: "invalid_request_error",
    message,
    param,
    code,
    retryable: false,
  });
}

/** A 400 `operation_not_allowed`: a feature the gateway cannot serve faithfully for this request. */
export function operationNotAllowed(param: string, message: string): GatewayError {
  return new GatewayError({
    status: 400,
    type: "invalid_request_error",
    code: "operation_not_allowed",
    param,
    message,
    retryable: false,
  });
}

/** A 404 `model_not_found`, listing close matches when there are any. */
export function modelNotFound(model: string, suggestions: readonly string[] = []): GatewayError {
  const hint =
    suggestions.length > 0 ? ` Did you mean ${suggestions.map((name) => `'${name}'`).join(", ")}?` : "";
  return new GatewayError({
    status: 404,
    type: "invalid_request_error",
    code: "model_not_found",
    param: "model",
    message: `The model '${model}' does not exist or is not served by any configured provider.${hint}`,
    retryable: false,
  });
}

/** The status of a request cancelled through its `AbortSignal` (nginx's "client closed request"). */
export const REQUEST_ABORTED_STATUS = 499;

/** Wraps anything thrown into a `GatewayError`; an unknown error becomes a non-retryable 500. */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError({ status: 500, type: "api_error", message, retryable: false, cause: error });
}
