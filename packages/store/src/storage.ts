import type {
  AbandonedError,
  ChainTurn,
  ConversationCreate,
  FinishOutcome,
  ItemPage,
  ListOptions,
  Owner,
  PurgeResult,
  ResponseFinish,
  ResponseStart,
  StoredChain,
  StoredConversation,
  StoredEvent,
  StoredItem,
  StoredResponse,
} from "./records";

/**
 * Stored responses and their items. Every read takes the owner: an object of another owner is `undefined`
 * (or `false`), exactly like a missing id. Every method is atomic: nothing half-written is ever read back.
 * Errors of the database itself (unreachable, full) are `StoreUnavailableError`.
 */
export interface ResponseStore {
  /**
   * Stores a response that is still running (background, or a stream others may poll), with its input.
   * Throws `StoreConflictError` when the id exists.
   */
  begin(start: ResponseStart): Promise<void>;
  /**
   * Writes an ended response in one transaction: the Response object, its input and output items, and,
   * when it has a conversation, appends input then output to that conversation as one contiguous block.
   * Creates the row when there was no `begin`; after a `begin` it replaces it only while the stored status
   * is still `queued` or `in_progress` (so a cancel that won the race stays).
   */
  finish(finish: ResponseFinish): Promise<FinishOutcome>;
  /** Replaces the Response object of a running response (progress for pollers); false once it has ended. */
  update(owner: Owner, id: string, response: StoredResponse["response"], now: number): Promise<boolean>;
  /** The stored response, or undefined (missing, another owner's, or purged). */
  get(owner: Owner, id: string): Promise<StoredResponse | undefined>;
  /** Deletes a response and its items and events; false when there was none for this owner. */
  delete(owner: Owner, id: string): Promise<boolean>;
  /** A page of a response's own input items; undefined when the response is not there for this owner. */
  listInputItems(owner: Owner, id: string, options: ListOptions): Promise<ItemPage | undefined>;
  /**
   * The chain ending at `id` (following `previous_response_id`), oldest turn first, with every turn's input
   * and output, in one query. Undefined when `id` itself is not there for this owner.
   */
  readChain(owner: Owner, id: string): Promise<StoredChain | undefined>;
  /**
   * Items of this owner by id (for `item_reference`), from responses and conversations, in one query.
   * Ids not found are absent from the map. When an id was stored more than once, the produced copy wins.
   */
  findItems(owner: Owner, ids: readonly string[]): Promise<Map<string, StoredItem>>;
  /** Appends stream events of a running response (sequence numbers increase). */
  appendEvents(id: string, events: readonly StoredEvent[]): Promise<void>;
  /** Stored events after `afterSequence`, in order; undefined when the response is not there for this owner. */
  readEvents(owner: Owner, id: string, afterSequence: number): Promise<StoredEvent[] | undefined>;
  /** Extends the lease of every running response of `runner` to `until`; returns how many. */
  renewLeases(runner: string, until: number): Promise<number>;
  /**
   * Marks `failed`, with `error`, every running response whose lease ended before `now` (its gateway
   * stopped); returns their ids. Safe to run on every instance at once.
   */
  failAbandoned(now: number, error: AbandonedError): Promise<string[]>;
}

/** Conversations and their items, owner-scoped like `ResponseStore`. */
export interface ConversationStore {
  /** Creates a conversation with its first items. Throws `StoreConflictError` when the id exists. */
  create(create: ConversationCreate): Promise<StoredConversation>;
  get(owner: Owner, id: string): Promise<StoredConversation | undefined>;
  /** Replaces the metadata; undefined when the conversation is not there for this owner. */
  updateMetadata(
    owner: Owner,
    id: string,
    metadata: Record<string, string>,
    now: number,
  ): Promise<StoredConversation | undefined>;
  /** Deletes a conversation and its items; false when there was none for this owner. */
  delete(owner: Owner, id: string): Promise<boolean>;
  /**
   * Appends items at the end, as one contiguous block: appends running at the same time never interleave
   * and never lose items. False when the conversation is not there for this owner.
   */
  append(owner: Owner, id: string, items: readonly StoredItem[], now: number): Promise<boolean>;
  /** A page of the conversation's items; undefined when it is not there for this owner. */
  listItems(owner: Owner, id: string, options: ListOptions): Promise<ItemPage | undefined>;
  /** Every item in order (the context of a response on this conversation), in one query. */
  readItems(owner: Owner, id: string): Promise<StoredItem[] | undefined>;
  /** One item; undefined when the conversation or the item is not there for this owner. */
  getItem(owner: Owner, id: string, itemId: string): Promise<StoredItem | undefined>;
  /** Removes one item; false when the conversation or the item is not there for this owner. */
  deleteItem(owner: Owner, id: string, itemId: string, now: number): Promise<boolean>;
}

/** Which database a `Storage` runs on. */
export type StorageBackend = "sqlite" | "postgres";

/**
 * The gateway's one storage layer, opened once per server (`openStorage`), migrations applied. Later parts
 * (keys, workspaces, the spend ledger) join it as further stores on the same connection and migrations.
 */
export interface Storage {
  readonly backend: StorageBackend;
  /** Names the store for people and error messages, without secrets ("SQLite store", "PostgreSQL store"). */
  readonly name: string;
  readonly responses: ResponseStore;
  readonly conversations: ConversationStore;
  /** The schema version in force after start-up migrations. */
  readonly schemaVersion: number;
  /**
   * Deletes responses created before `before` (with their items and events) and conversations not written
   * since `before`, in batches; running responses are kept.
   */
  purgeExpired(before: number): Promise<PurgeResult>;
  /** Closes the connections; the storage is unusable afterwards. */
  close(): Promise<void>;
}

export type { ChainTurn };
