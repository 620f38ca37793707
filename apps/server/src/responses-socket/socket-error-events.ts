import { GatewayError } from "@switchyard/core";

/**
 * The `error` server event of the Responses WebSocket for a request that produced no stream, in the shape
 * of the reference's `ResponsesServerEvent.ResponseWsError`: `{ type: "error", status, error: { type, code,
 * message, param }, stream_id? }` (openai-node `resources/responses/responses.ts`; API reference "WebSocket
 * events", https://developers.openai.com/api/reference/resources/responses/websocket-events).
 */
export interface SocketErrorEvent {
  type: "error";
  status: number;
  error: { type: string; code: string | null; message: string; param: string | null };
  stream_id?: string;
}

/** The error event for `error`, echoing the `stream_id` of the request it answers. */
export function socketErrorEvent(error: GatewayError, streamId?: string): SocketErrorEvent {
  const event: SocketErrorEvent = {
    type: "error",
    status: error.status,
    error: { type: error.type, code: error.code, message: error.message, param: error.param },
  };
  if (streamId !== undefined) event.stream_id = streamId;
  return event;
}

/** A 400 `invalid_request_error` naming the offending parameter. */
export const invalidSocketRequest = (code: string, message: string, param: string | null): GatewayError =>
  new GatewayError({ status: 400, type: "invalid_request_error", code, message, param, retryable: false });

/**
 * `previous_response_not_found`: the id is neither in this connection's cache nor in a response store. The
 * WebSocket-mode guide's recovery is to start a new chain with the full input and no `previous_response_id`.
 */
export const previousResponseNotFound = (id: string): GatewayError =>
  invalidSocketRequest(
    "previous_response_not_found",
    `Previous response with id '${id}' not found. A store: false response is only held by the connection ` +
      "that created it, and is dropped after a failed continuation; send the full input without " +
      "previous_response_id to start a new chain.",
    "previous_response_id",
  );

/** `websocket_connection_limit_reached`: the connection reached `maxConnectionMs`; open a new one. */
export const connectionLimitReached = (minutes: number): GatewayError =>
  invalidSocketRequest(
    "websocket_connection_limit_reached",
    `Responses websocket connection limit reached (${minutes} minutes). Create a new websocket connection to continue.`,
    null,
  );
