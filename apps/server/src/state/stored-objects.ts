import { invalidRequest } from "@switchyard/core";
import type { ItemPage, ListOptions, Owner, Storage } from "@switchyard/store";
import type { ClientIdentity } from "../auth";
import type { RequestContext } from "../request-context";
import type { ServerServices } from "../server-services";
import { type StoredKind, storedObjectNotFound, storingTurnedOff } from "./state-errors";

/** The owner of what a request stores and reads: its client key ("anonymous" on a gateway without keys). */
export const ownerOf = (identity: ClientIdentity | undefined): Owner => ({
  keyId: identity?.id ?? "anonymous",
});

/**
 * The store for a request about a stored object named in the path. With storing turned off nothing is
 * stored, so the object is not found; an unreachable store is the 503 naming it.
 */
export async function storageForLookup(
  services: ServerServices,
  kind: StoredKind,
  id: string,
): Promise<Storage> {
  if (!services.state.enabled) throw storedObjectNotFound(kind, id);
  return services.state.storage();
}

/** The store for a request that creates a stored object; with storing turned off, a 400 naming `param`. */
export async function storageForWrite(services: ServerServices, param: string): Promise<Storage> {
  if (!services.state.enabled) throw storingTurnedOff(param);
  return services.state.storage();
}

/** The query string of a request. */
export const queryOf = (context: Pick<RequestContext, "request">): URLSearchParams =>
  new URLSearchParams((context.request.url ?? "").split("?")[1] ?? "");

/** `after`, `limit` (1 to 100, default 20) and `order` (`asc` or `desc`, default `desc`) of a list request. */
export function listOptionsOf(query: URLSearchParams): ListOptions {
  const limitText = query.get("limit");
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw invalidRequest("limit: expected an integer from 1 to 100.", "limit");
  const order = query.get("order") ?? "desc";
  if (order !== "asc" && order !== "desc") throw invalidRequest("order: expected 'asc' or 'desc'.", "order");
  const after = query.get("after");
  return { limit, order, ...(after === null || after === "" ? {} : { after }) };
}

/** OpenAI's list shape: `object: "list"`, `data`, `first_id`, `last_id`, `has_more`. */
export function listBody(page: ItemPage): Record<string, unknown> {
  const data = page.items.map((stored) => stored.item);
  return {
    object: "list",
    data,
    first_id: page.items[0]?.id ?? null,
    last_id: page.items.at(-1)?.id ?? null,
    has_more: page.hasMore,
  };
}
