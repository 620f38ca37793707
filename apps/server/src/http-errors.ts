import type { ServerResponse } from "node:http";
import { GatewayError, toGatewayError } from "@switchyard/core";
import type { RenderedError } from "./route-table";

/** A 404 for a path the server does not serve. */
export function routeNotFound(method: string, path: string): GatewayError {
  return new GatewayError({
    status: 404,
    type: "invalid_request_error",
    code: "unknown_url",
    message: `Unrecognized request URL (${method} ${path}).`,
    retryable: false,
  });
}

/** A 405 for a known path called with the wrong method. */
export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): GatewayError {
  return new GatewayError({
    status: 405,
    type: "invalid_request_error",
    code: "method_not_allowed",
    message: `Method ${method} is not allowed on ${path}; use ${allowed.join(" or ")}.`,
    retryable: false,
  });
}

/** A 503 sent while the server drains for shutdown. */
export function shuttingDown(): GatewayError {
  return new GatewayError({
    status: 503,
    type: "api_error",
    code: "server_shutting_down",
    message: "The server is shutting down; retry on another instance.",
    retryable: true,
  });
}

/**
 * Turns anything thrown into the error to send: a `GatewayError` as is; anything else, or a `GatewayError`
 * that merely wraps an untyped throw, a 500 whose message does not leak internals (the original goes to
 * the log through `cause`).
 */
export function errorToSend(error: unknown): GatewayError {
  // `toGatewayError` (used by the router too) wraps an untyped throw as a 500 carrying its message and cause.
  const untyped =
    !(error instanceof GatewayError) ||
    (error.status === 500 &&
      error.code === null &&
      error.cause instanceof Error &&
      !(error.cause instanceof GatewayError));
  if (!untyped) return error;
  const wrapped = toGatewayError(error);
  return new GatewayError({
    status: 500,
    type: "api_error",
    code: "internal_error",
    message: "The server had an error while processing your request.",
    retryable: false,
    cause: wrapped,
  });
}

/** The default error shape: OpenAI's `{"error":{message,type,param,code}}` with the error's status. */
export const renderOpenAIError = (error: GatewayError): RenderedError => ({
  status: error.status,
  body: error.toJSON(),
});

/**
 * Writes an error response, OpenAI-shaped unless `render` gives the route's own shape. Passes on the
 * upstream's `retry-after`. When headers already went out, the connection is closed instead.
 */
export function sendError(
  response: ServerResponse,
  error: GatewayError,
  render: (error: GatewayError) => RenderedError = renderOpenAIError,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const rendered = render(error);
  const body = JSON.stringify(rendered.body);
  response.statusCode = rendered.status;
  response.setHeader("content-type", "application/json");
  response.setHeader("content-length", Buffer.byteLength(body));
  // A 401 carries one too: the upstream refused the gateway's own key, which is probed again at that time.
  if (error.retryAfterMs !== undefined && (error.status >= 429 || error.status === 401))
    response.setHeader("retry-after", String(Math.ceil(error.retryAfterMs / 1000)));
  response.end(body);
}
