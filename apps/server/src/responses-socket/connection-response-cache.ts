import type { ResponseInputItem, ResponseObject, ResponsesRequest } from "@switchyard/core";

/** One response a connection can continue from: everything its successor must see, in order. */
export interface CachedResponse {
  id: string;
  /** The resolved input of the response followed by its output: the next turn's context. */
  context: readonly ResponseInputItem[];
  /** Whether the response is in the response store too (so a stored successor links to it there). */
  stored?: boolean;
}

/**
 * The connection-local cache of WebSocket mode: the responses of this connection that a later
 * `response.create` may name in `previous_response_id`, whatever their `store`. The most recently used
 * `capacity` responses are kept; it dies with the connection (the guide: state is "in memory on the
 * connection", which is what makes `store: false` chains possible).
 */
export interface ConnectionResponseCache {
  get(id: string): CachedResponse | undefined;
  put(entry: CachedResponse): void;
  /** Forgets a response; the guide evicts the one a failed continuation named. */
  evict(id: string): void;
  readonly size: number;
}

/** Creates an empty cache holding at most `capacity` responses (least recently used dropped first). */
export function createConnectionResponseCache(capacity: number): ConnectionResponseCache {
  // A Map iterates in insertion order; re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, CachedResponse>();
  return {
    get(id) {
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      entries.delete(id);
      entries.set(id, entry);
      return entry;
    },
    put(entry) {
      entries.delete(entry.id);
      entries.set(entry.id, entry);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    evict(id) {
      entries.delete(id);
    },
    get size() {
      return entries.size;
    },
  };
}

/** A request's `input` as a list of items (a string is one user message, as the API reads it). */
export function inputItemsOf(input: ResponsesRequest["input"]): ResponseInputItem[] {
  if (input === undefined) return [];
  if (typeof input === "string") return [{ type: "message", role: "user", content: input }];
  return [...input];
}

/**
 * The context a completed response leaves for its successor: the input it was given (earlier turns
 * included) and its output items, which the Responses API takes back as input items.
 */
export function contextAfter(
  resolvedInput: readonly ResponseInputItem[],
  response: ResponseObject,
): ResponseInputItem[] {
  return [...resolvedInput, ...(response.output as ResponseInputItem[])];
}
