import type { PurgeResult } from "../records";
import { listPlaceholders, type SqlDatabase } from "./sql-database";

const BATCH = 500;

/** Deletes in short transactions of at most `BATCH` objects, so a long purge never holds a lock for long. */
async function purgeInBatches(
  database: SqlDatabase,
  select: string,
  before: number,
  deletes: readonly ((list: string) => string)[],
): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await database.transaction(async (executor) => {
      const ids = (await executor.all(select, [before, BATCH])).map((row) => String(row["id"]));
      if (ids.length === 0) return 0;
      const list = listPlaceholders(ids.length);
      for (const statement of deletes) await executor.run(statement(list), ids);
      return ids.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

/** The retention purge of `Storage.purgeExpired`: ended responses created before `before`, idle conversations. */
export async function purgeExpired(database: SqlDatabase, before: number): Promise<PurgeResult> {
  const responses = await purgeInBatches(
    database,
    "SELECT id FROM responses WHERE created_at < ? AND status NOT IN ('queued', 'in_progress') LIMIT ?",
    before,
    [
      (list) => `DELETE FROM response_items WHERE response_id IN (${list})`,
      (list) => `DELETE FROM response_events WHERE response_id IN (${list})`,
      (list) => `DELETE FROM responses WHERE id IN (${list})`,
    ],
  );
  const conversations = await purgeInBatches(
    database,
    "SELECT id FROM conversations WHERE updated_at < ? LIMIT ?",
    before,
    [
      (list) => `DELETE FROM conversation_items WHERE conversation_id IN (${list})`,
      (list) => `DELETE FROM conversations WHERE id IN (${list})`,
    ],
  );
  return { responses, conversations };
}
