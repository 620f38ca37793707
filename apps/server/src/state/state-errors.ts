import { GatewayError, invalidRequest, operationNotAllowed } from "@switchyard/core";

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

/** The 503 for a request that needs the store while it cannot be reached. */
export function storeUnavailable(store: string, cause: unknown): GatewayError {
  return new GatewayError({
    status: 503,
    type: "api_error",
    code: "store_unavailable",
    message: `The response store (${store}) cannot be reached; requests with store: false and no previous_response_id, conversation or item_reference still work.`,
    retryable: true,
    cause,
  });
}

/** The 400 for a stateful feature while the operator has turned storing off. */
export function storingTurnedOff(param: string): GatewayError {
  return operationNotAllowed(
    param,
    `${param} needs stored responses, and storing is turned off on this gateway; send store: false and the earlier turns in input.`,
  );
}
