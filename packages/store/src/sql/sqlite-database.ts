import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { StoreConflictError, StoreUnavailableError, type StoreUnavailableReason } from "../errors";
import type { SqlDatabase, SqlExecutor, SqlRow, SqlValue } from "./sql-database";

const NAME = "SQLite store";

// Primary result codes (https://www.sqlite.org/rescode.html); node:sqlite reports extended codes in `errcode`.
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_CONSTRAINT = 19;
const SQLITE_NOTADB = 26;

const REASONS = new Map<number, StoreUnavailableReason>([
  [SQLITE_BUSY, "busy"],
  [SQLITE_LOCKED, "busy"],
  [SQLITE_READONLY, "read_only"],
  [SQLITE_IOERR, "failed"],
  [SQLITE_CORRUPT, "failed"],
  [SQLITE_FULL, "full"],
  [SQLITE_CANTOPEN, "unreachable"],
  [SQLITE_NOTADB, "failed"],
]);

/** An error of node:sqlite as the stores' error types; other errors (bugs) pass unchanged. */
function translateError(error: unknown): unknown {
  const code = (error as { errcode?: unknown }).errcode;
  if (typeof code !== "number") return error;
  const message = (error as Error).message;
  const primary = code & 0xff;
  if (primary === SQLITE_CONSTRAINT && /UNIQUE|PRIMARY KEY/.test(message)) {
    return new StoreConflictError(message, { cause: error });
  }
  const reason = REASONS.get(primary);
  return reason === undefined ? error : new StoreUnavailableError(NAME, reason, message, error);
}

const STATEMENT_CACHE_LIMIT = 256;

/** Runs async bodies one after another: a transaction's body owns the one connection until it ends. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(body: () => Promise<T>): Promise<T> {
    const result = this.tail.then(body);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * The embedded database: one SQLite file through `node:sqlite`, in WAL mode so other processes on the same
 * file read while one writes (`BEGIN IMMEDIATE` and a busy timeout order their writers). Within a process
 * every call is queued, so a statement never sees another call's uncommitted transaction.
 */
export function openSqliteDatabase(
  file: string,
  options: { maxSizeBytes?: number | undefined } = {},
): SqlDatabase {
  let database: DatabaseSync;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    database = new DatabaseSync(file);
    database.exec("PRAGMA busy_timeout = 5000");
    database.exec("PRAGMA journal_mode = WAL");
    // WAL with synchronous=NORMAL never corrupts; a power loss may lose the last commits, a crash does not.
    database.exec("PRAGMA synchronous = NORMAL");
    if (options.maxSizeBytes !== undefined) {
      const pageSize = Number(
        (database.prepare("PRAGMA page_size").get() as { page_size: number }).page_size,
      );
      database.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(options.maxSizeBytes / pageSize))}`);
    }
  } catch (error) {
    const translated = translateError(error);
    if (translated instanceof StoreUnavailableError) throw translated;
    throw new StoreUnavailableError(NAME, "unreachable", (error as Error).message, error);
  }
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const guarded = <T>(body: () => T): T => {
    try {
      return body();
    } catch (error) {
      throw translateError(error);
    }
  };
  const direct: SqlExecutor = {
    all: async (sql, params = []) => guarded(() => prepare(sql).all(...(params as SqlValue[])) as SqlRow[]),
    run: async (sql, params = []) =>
      guarded(() => Number(prepare(sql).run(...(params as SqlValue[])).changes)),
  };
  const queue = new SerialQueue();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new StoreUnavailableError(NAME, "unreachable", "the store was closed");
  };

  return {
    dialect: "sqlite",
    name: NAME,
    all: (sql, params) =>
      queue.run(async () => {
        ensureOpen();
        return direct.all(sql, params);
      }),
    run: (sql, params) =>
      queue.run(async () => {
        ensureOpen();
        return direct.run(sql, params);
      }),
    transaction: (body) =>
      queue.run(async () => {
        ensureOpen();
        guarded(() => database.exec("BEGIN IMMEDIATE"));
        try {
          const result = await body(direct);
          guarded(() => database.exec("COMMIT"));
          return result;
        } catch (error) {
          // SQLite rolls back on its own after some errors (SQLITE_FULL among them); then there is nothing
          // to roll back and ROLLBACK fails ("no transaction is active"), which changes nothing.
          try {
            database.exec("ROLLBACK");
          } catch {}
          throw error;
        }
      }),
    close: () =>
      queue.run(async () => {
        if (closed) return;
        closed = true;
        statements.clear();
        database.close();
      }),
  };
}
