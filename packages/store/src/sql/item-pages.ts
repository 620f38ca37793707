import type { ItemPage, ListOptions } from "../records";
import { itemOf } from "./rows";
import type { SqlExecutor, SqlValue } from "./sql-database";

/** Where a list's items live: a table and the condition that selects the list's rows. */
export interface ItemList {
  table: "response_items" | "conversation_items";
  /** A condition on the table's columns, e.g. `response_id = ? AND kind = 0`. */
  scope: string;
  scopeParams: readonly SqlValue[];
}

/**
 * One page of a list in one statement: `limit + 1` rows tell whether there are more. The `after` cursor is
 * resolved to its position inside the statement; an id not in the list matches nothing (an empty page).
 */
export async function readItemPage(
  executor: SqlExecutor,
  list: ItemList,
  options: ListOptions,
): Promise<ItemPage> {
  const direction = options.order === "asc" ? "ASC" : "DESC";
  const params: SqlValue[] = [...list.scopeParams];
  let cursor = "";
  if (options.after !== undefined) {
    const comparison = options.order === "asc" ? ">" : "<";
    cursor = ` AND position ${comparison} (SELECT position FROM ${list.table} WHERE ${list.scope} AND item_id = ? ORDER BY position LIMIT 1)`;
    params.push(...list.scopeParams, options.after);
  }
  params.push(options.limit + 1);
  const rows = await executor.all(
    `SELECT item_id, body, producer_provider, producer_model FROM ${list.table} WHERE ${list.scope}${cursor} ORDER BY position ${direction} LIMIT ?`,
    params,
  );
  const hasMore = rows.length > options.limit;
  return { items: rows.slice(0, options.limit).map((row) => itemOf(row)), hasMore };
}
