import { type Clock, systemClock } from "@switchyard/core";
import type { StorageConfig } from "./config";
import { migrate } from "./sql/migrate";
import { openPostgresDatabase } from "./sql/postgres-database";
import { purgeExpired } from "./sql/purge";
import { createSqlConversationStore } from "./sql/sql-conversation-store";
import type { SqlDatabase } from "./sql/sql-database";
import { createSqlResponseStore } from "./sql/sql-response-store";
import { openSqliteDatabase } from "./sql/sqlite-database";
import type { Storage } from "./storage";

/**
 * Opens the server's storage: connects (creating the SQLite file's directory or the PostgreSQL schema),
 * applies the migrations it lacks, and returns the stores. Throws `StoreUnavailableError` when the
 * database cannot be reached.
 */
export async function openStorage(config: StorageConfig, options: { clock?: Clock } = {}): Promise<Storage> {
  const clock = options.clock ?? systemClock;
  const database: SqlDatabase =
    config.backend === "sqlite"
      ? openSqliteDatabase(config.file, { maxSizeBytes: config.maxSizeBytes })
      : await openPostgresDatabase({
          url: config.url,
          schema: config.schema,
          maxConnections: config.maxConnections,
        });
  let schemaVersion: number;
  try {
    schemaVersion = await migrate(database, clock());
  } catch (error) {
    await database.close();
    throw error;
  }
  return storageOn(database, schemaVersion);
}

/** The stores on an open, migrated database. */
export function storageOn(database: SqlDatabase, schemaVersion: number): Storage {
  return {
    backend: database.dialect,
    name: database.name,
    schemaVersion,
    responses: createSqlResponseStore(database),
    conversations: createSqlConversationStore(database),
    purgeExpired: (before) => purgeExpired(database, before),
    close: () => database.close(),
  };
}
