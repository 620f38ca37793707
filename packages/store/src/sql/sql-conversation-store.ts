import type { Owner, StoredConversation } from "../records";
import type { ConversationStore } from "../storage";
import { readItemPage } from "./item-pages";
import { appendToConversation, insertConversationItems } from "./item-writes";
import { itemOf, numberOf } from "./rows";
import type { SqlDatabase, SqlExecutor, SqlRow } from "./sql-database";

function conversationOf(row: SqlRow): StoredConversation {
  const workspace = row["owner_workspace_id"];
  return {
    id: String(row["id"]),
    owner: {
      keyId: String(row["owner_key_id"]),
      ...(typeof workspace === "string" ? { workspaceId: workspace } : {}),
    },
    metadata: JSON.parse(String(row["metadata"])) as Record<string, string>,
    createdAt: numberOf(row["created_at"]),
    updatedAt: numberOf(row["updated_at"]),
  };
}

const COLUMNS = "id, owner_key_id, owner_workspace_id, metadata, created_at, updated_at";

/** `ConversationStore` on a SQL database (both backends). */
export function createSqlConversationStore(database: SqlDatabase): ConversationStore {
  const find = async (
    executor: SqlExecutor,
    owner: Owner,
    id: string,
  ): Promise<StoredConversation | undefined> => {
    const rows = await executor.all(
      `SELECT ${COLUMNS} FROM conversations WHERE id = ? AND owner_key_id = ?`,
      [id, owner.keyId],
    );
    return rows.length === 0 ? undefined : conversationOf(rows[0]!);
  };

  return {
    async create(create) {
      await database.transaction(async (executor) => {
        await executor.run(
          "INSERT INTO conversations (id, owner_key_id, owner_workspace_id, metadata, next_position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          [
            create.id,
            create.owner.keyId,
            create.owner.workspaceId ?? null,
            JSON.stringify(create.metadata),
            create.items.length,
            create.createdAt,
            create.createdAt,
          ],
        );
        await insertConversationItems(executor, create.id, create.owner, 0, create.items);
      });
      return {
        id: create.id,
        owner: create.owner,
        metadata: create.metadata,
        createdAt: create.createdAt,
        updatedAt: create.createdAt,
      };
    },

    get: (owner, id) => find(database, owner, id),

    async updateMetadata(owner, id, metadata, now) {
      return database.transaction(async (executor) => {
        const changed = await executor.run(
          "UPDATE conversations SET metadata = ?, updated_at = ? WHERE id = ? AND owner_key_id = ?",
          [JSON.stringify(metadata), now, id, owner.keyId],
        );
        return changed === 0 ? undefined : find(executor, owner, id);
      });
    },

    async delete(owner, id) {
      return database.transaction(async (executor) => {
        const deleted = await executor.run("DELETE FROM conversations WHERE id = ? AND owner_key_id = ?", [
          id,
          owner.keyId,
        ]);
        if (deleted === 0) return false;
        await executor.run("DELETE FROM conversation_items WHERE conversation_id = ?", [id]);
        return true;
      });
    },

    async append(owner, id, items, now) {
      return database.transaction((executor) => appendToConversation(executor, owner, id, items, now));
    },

    async listItems(owner, id, options) {
      if ((await find(database, owner, id)) === undefined) return undefined;
      return readItemPage(
        database,
        { table: "conversation_items", scope: "conversation_id = ?", scopeParams: [id] },
        options,
      );
    },

    async readItems(owner, id) {
      // One statement; the LEFT JOIN keeps a row for a conversation with no items.
      const rows = await database.all(
        `SELECT c.id, i.item_id, i.body, i.producer_provider, i.producer_model
         FROM conversations c LEFT JOIN conversation_items i ON i.conversation_id = c.id
         WHERE c.id = ? AND c.owner_key_id = ? ORDER BY i.position`,
        [id, owner.keyId],
      );
      if (rows.length === 0) return undefined;
      return rows.filter((row) => row["item_id"] != null).map((row) => itemOf(row));
    },

    async getItem(owner, id, itemId) {
      const rows = await database.all(
        `SELECT i.item_id, i.body, i.producer_provider, i.producer_model
         FROM conversations c JOIN conversation_items i ON i.conversation_id = c.id
         WHERE c.id = ? AND c.owner_key_id = ? AND i.item_id = ? ORDER BY i.position LIMIT 1`,
        [id, owner.keyId, itemId],
      );
      return rows.length === 0 ? undefined : itemOf(rows[0]!);
    },

    async deleteItem(owner, id, itemId, now) {
      return database
        .transaction(async (executor) => {
          const touched = await executor.run(
            "UPDATE conversations SET updated_at = ? WHERE id = ? AND owner_key_id = ?",
            [now, id, owner.keyId],
          );
          if (touched === 0) return false;
          const deleted = await executor.run(
            "DELETE FROM conversation_items WHERE conversation_id = ? AND item_id = ?",
            [id, itemId],
          );
          if (deleted === 0) throw new ItemMissing();
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof ItemMissing) return false;
          throw error;
        });
    },
  };
}

/** Rolls back the `updated_at` touch of a `deleteItem` whose item was not there. */
class ItemMissing extends Error {}
