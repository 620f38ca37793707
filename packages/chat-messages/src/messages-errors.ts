import { type GatewayError, toGatewayError } from "@switchyard/core";

/** Anthropic's error body: `{"type":"error","error":{"type","message"}}`. */
export interface MessagesErrorBody {
  type: "error";
  error: { type: string; message: string };
}

// Anthropic's error types by HTTP status: https://docs.anthropic.com/en/api/errors
const errorTypeForStatus = (status: number): string => {
  switch (status) {
    case 400:
    case 422:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "billing_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 504:
      return "timeout_error";
    case 503:
    case 529:
      return "overloaded_error";
    default:
      return "api_error";
  }
};

/** A gateway error in Anthropic's shape and status, for the /v1/messages endpoints. */
export function toMessagesError(error: unknown): { status: number; body: MessagesErrorBody } {
  const gatewayError: GatewayError = toGatewayError(error);
  const message =
    gatewayError.param && !gatewayError.message.startsWith(gatewayError.param)
      ? `${gatewayError.param}: ${gatewayError.message}`
      : gatewayError.message;
  return {
    status: gatewayError.status,
    body: { type: "error", error: { type: errorTypeForStatus(gatewayError.status), message } },
  };
}
