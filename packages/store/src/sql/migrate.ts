import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations";
import type { SqlDatabase } from "./sql-database";

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS switchyard_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/**
 * Applies the migrations the database lacks, each recorded in `switchyard_migrations`, all in one
 * transaction; instances starting at once take turns (SQLite's write lock, a PostgreSQL advisory lock).
 * Refuses a database whose schema is newer than this code. Returns the version in force.
 */
export async function migrate(
  database: SqlDatabase,
  now: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  return database.transaction(async (executor) => {
    if (database.dialect === "postgres") {
      // One lock per schema: the key is the schema's name, hashed by PostgreSQL itself.
      await executor.all(
        "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.switchyard_migrations'))",
      );
    }
    await executor.run(BOOKKEEPING);
    const rows = await executor.all("SELECT version FROM switchyard_migrations");
    const applied = new Set(rows.map((row) => Number(row["version"])));
    const newest = Math.max(0, ...applied);
    const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
    if (newest > latest) {
      throw new Error(
        `The ${database.name} has schema version ${newest}, newer than this gateway's ${latest}: run a newer gateway.`,
      );
    }
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements[database.dialect]) await executor.run(statement);
      await executor.run("INSERT INTO switchyard_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        now,
      ]);
    }
    return Math.max(newest, latest);
  });
}

export { LATEST_SCHEMA_VERSION };
