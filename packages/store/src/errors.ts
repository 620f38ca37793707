import { GatewayError } from "@switchyard/core";

/** Why the database could not serve a call. */
export type StoreUnavailableReason = "unreachable" | "full" | "busy" | "read_only" | "failed";

/**
 * The database behind a store could not serve a call (unreachable, disk full, locked, read-only). A 503
 * `GatewayError` whose message names the store, so the server answers it as it is; whatever the call was
 * writing was rolled back.
 */
export class StoreUnavailableError extends GatewayError {
  /** The store's name, as in `Storage.name` ("SQLite store", "PostgreSQL store"). */
  readonly store: string;
  readonly reason: StoreUnavailableReason;

  constructor(store: string, reason: StoreUnavailableReason, detail: string, cause?: unknown) {
    super({
      status: 503,
      type: "api_error",
      code: "store_unavailable",
      message: `The ${store} is unavailable (${reason}): ${detail}`,
      retryable: false,
      cause,
    });
    this.store = store;
    this.reason = reason;
  }
}

/** A write that collides with what is stored (an id that exists). A programming error on the caller's side. */
export class StoreConflictError extends Error {
  override readonly name = "StoreConflictError";
}
