import { GatewayError, invalidRequest, operationNotAllowed } from "@switchyard/core";
import { StoreUnavailableError } from "@switchyard/store";

/** What a stored object is called in messages: `Response`, `Conversation`, `Item`. */
export type StoredKind = "Response" | "Conversation" | "Item";

/**
 * The 404 for an id in the path that does not exist or belongs to another client key: the same answer in
 * both cases, so it never reveals that another key's object exists.
 */
export function storedObjectNotFound(kind: StoredKind, id: string): GatewayError {
  return new GatewayError({
    status: 404,
    type: "invalid_request_error",
    code: "not_found",
    message: `${kind} with id '${id}' not found.`,
    retryable: false,
  });
}

/** The 400 for an id in the request body (`param` names the field) that this client key has not stored. */
export function unknownReference(kind: StoredKind, id: string, param: string): GatewayError {
  return invalidRequest(`${param}: ${kind.toLowerCase()} with id '${id}' not found.`, param, "not_found");
}

/** The 400 for a stateful feature while the operator has turned storing off. */
export function storingTurnedOff(param: string): GatewayError {
  return operationNotAllowed(
    param,
    `${param} needs stored responses, and storing is turned off on this gateway; send store: false and the earlier turns in input.`,
  );
}

/** The 503 for a request that needs the store while it cannot be opened. */
export function storeUnreachable(store: string, cause: unknown): StoreUnavailableError {
  if (cause instanceof StoreUnavailableError) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new StoreUnavailableError(store, "unreachable", detail, cause);
}
