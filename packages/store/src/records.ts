import type { ResponseError, ResponseInputItem, ResponseObject, ResponseOutputItem } from "@switchyard/core";

/**
 * Who a stored object belongs to: the client key that wrote it and, once workspaces exist, its workspace.
 * Every read is scoped by owner; another owner's object reads exactly like a missing one.
 */
export interface Owner {
  /** The client key's id (never the key itself). */
  keyId: string;
  /** The key's workspace, when the gateway has workspaces; stored for later rules, not matched today. */
  workspaceId?: string | null;
}

/**
 * The upstream that produced an item: opaque reasoning state (Anthropic signatures, Gemini thought
 * signatures, OpenAI `encrypted_content`) goes back only to this provider and model.
 */
export interface Producer {
  /** The provider id that served the call (after failover: the one that answered). */
  provider: string;
  /** The upstream model id that answered. */
  model: string;
}

/** The JSON of one stored item: an input item as the model saw it, or an output item as returned. */
export type ItemBody = ResponseInputItem | ResponseOutputItem;

/** One stored item: its public id, its JSON exactly as written, and who produced it (null: the client). */
export interface StoredItem {
  id: string;
  item: ItemBody;
  producer: Producer | null;
}

/** A stored response as read back. */
export interface StoredResponse {
  id: string;
  owner: Owner;
  /** The Response object exactly as the client received it (or, while running, as last written). */
  response: ResponseObject;
  /** The same as `response.status`, kept as a column. */
  status: ResponseObject["status"];
  previousResponseId: string | null;
  conversationId: string | null;
  /** The upstream that produced the output; null while nothing has answered yet. */
  producer: Producer | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Milliseconds since the epoch of the last write. */
  updatedAt: number;
}

/** What starts a response that is still running (a background response; a stream that can be polled). */
export interface ResponseStart {
  id: string;
  owner: Owner;
  /** Its Response object, status `queued` or `in_progress`. */
  response: ResponseObject;
  previousResponseId: string | null;
  conversationId: string | null;
  /** This turn's own input items in order, `item_reference`s already resolved. */
  input: StoredItem[];
  /** The gateway instance running it, and until when it promises to renew (`renewLeases`). */
  lease: { runner: string; until: number };
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** What a response that ended writes, in one transaction. */
export interface ResponseFinish {
  id: string;
  owner: Owner;
  /** The final Response object: completed, incomplete, failed or cancelled. Its `output` is stored as items. */
  response: ResponseObject;
  previousResponseId: string | null;
  conversationId: string | null;
  producer: Producer | null;
  /** This turn's own input items in order, `item_reference`s already resolved. */
  input: StoredItem[];
  /** Milliseconds since the epoch (the response's creation; kept from `begin` when there was one). */
  createdAt: number;
  /** Milliseconds since the epoch of this write. */
  now: number;
}

/** What `finish` did. */
export type FinishOutcome =
  /** Written; when the response has a conversation, its input and output were appended to it. */
  | { written: true; appendedToConversation: boolean }
  /** Not written: the stored response had already ended (e.g. it was cancelled meanwhile). */
  | { written: false; current: StoredResponse };

/** One turn of a stored chain: a response's own input and its output, in order. */
export interface ChainTurn {
  responseId: string;
  status: ResponseObject["status"];
  producer: Producer | null;
  input: StoredItem[];
  output: StoredItem[];
}

/** A `previous_response_id` chain read in one query, oldest turn first. */
export interface StoredChain {
  turns: ChainTurn[];
  /** The id of an ancestor that is gone (deleted or purged), which cut the chain short; else null. */
  missingAncestorId: string | null;
}

/** Paging of item lists, as the Responses and Conversations list endpoints take it. */
export interface ListOptions {
  /** An item id: the page starts after it (in `order`). An id not in the list gives an empty page. */
  after?: string | undefined;
  /** At most this many items (the caller validates 1..100). */
  limit: number;
  order: "asc" | "desc";
}

/** One page of items. */
export interface ItemPage {
  items: StoredItem[];
  hasMore: boolean;
}

/** A stored conversation. */
export interface StoredConversation {
  id: string;
  owner: Owner;
  metadata: Record<string, string>;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** What creates a conversation. */
export interface ConversationCreate {
  id: string;
  owner: Owner;
  metadata: Record<string, string>;
  /** Its first items, in order (`items` of `POST /v1/conversations`). */
  items: StoredItem[];
  createdAt: number;
}

/** One stored stream event of a running response (for `GET ?stream=true&starting_after=`). */
export interface StoredEvent {
  sequenceNumber: number;
  /** The event JSON as sent. */
  event: Record<string, unknown>;
}

/** What a retention purge removed. */
export interface PurgeResult {
  responses: number;
  conversations: number;
}

/** The error written into background responses found abandoned (their runner stopped renewing). */
export type AbandonedError = ResponseError;
