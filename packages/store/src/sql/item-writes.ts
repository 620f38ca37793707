import type { Owner, StoredItem } from "../records";
import { producerValues } from "./rows";
import { chunks, type SqlExecutor, type SqlValue, valuesPlaceholders } from "./sql-database";

const ROWS_PER_INSERT = 100;

/** Item kinds in `response_items.kind`; inputs sort before outputs. */
export const INPUT_KIND = 0;
export const OUTPUT_KIND = 1;

/** Inserts a response's items of one kind at positions 0..n-1, in multi-row statements. */
export async function insertResponseItems(
  executor: SqlExecutor,
  responseId: string,
  owner: Owner,
  kind: number,
  items: readonly StoredItem[],
): Promise<void> {
  let position = 0;
  for (const chunk of chunks(items, ROWS_PER_INSERT)) {
    const params: SqlValue[] = [];
    for (const item of chunk) {
      params.push(responseId, kind, position++, item.id, owner.keyId, JSON.stringify(item.item));
      params.push(...producerValues(item.producer));
    }
    await executor.run(
      `INSERT INTO response_items (response_id, kind, position, item_id, owner_key_id, body, producer_provider, producer_model) VALUES ${valuesPlaceholders(chunk.length, 8)}`,
      params,
    );
  }
}

/** Inserts conversation items at positions `first`, `first + 1`, ... */
export async function insertConversationItems(
  executor: SqlExecutor,
  conversationId: string,
  owner: Owner,
  first: number,
  items: readonly StoredItem[],
): Promise<void> {
  let position = first;
  for (const chunk of chunks(items, ROWS_PER_INSERT)) {
    const params: SqlValue[] = [];
    for (const item of chunk) {
      params.push(conversationId, position++, item.id, owner.keyId, JSON.stringify(item.item));
      params.push(...producerValues(item.producer));
    }
    await executor.run(
      `INSERT INTO conversation_items (conversation_id, position, item_id, owner_key_id, body, producer_provider, producer_model) VALUES ${valuesPlaceholders(chunk.length, 7)}`,
      params,
    );
  }
}

/**
 * Appends items to a conversation of this owner as one block: a single UPDATE moves its append counter
 * (holding the row's lock until commit) and the items take the reserved positions. False when the
 * conversation is not there. Must run inside a transaction.
 */
export async function appendToConversation(
  executor: SqlExecutor,
  owner: Owner,
  conversationId: string,
  items: readonly StoredItem[],
  now: number,
): Promise<boolean> {
  const rows = await executor.all(
    "UPDATE conversations SET next_position = next_position + ?, updated_at = ? WHERE id = ? AND owner_key_id = ? RETURNING next_position",
    [items.length, now, conversationId, owner.keyId],
  );
  if (rows.length === 0) return false;
  const end = Number(rows[0]!["next_position"]);
  await insertConversationItems(executor, conversationId, owner, end - items.length, items);
  return true;
}
