/** A value bound to a statement parameter. */
export type SqlValue = string | number | null;

/** A result row; numbers may come back as strings from PostgreSQL's bigint, so readers use `Number()`. */
export type SqlRow = Record<string, unknown>;

/** Runs statements written with `?` placeholders (rewritten to `$n` for PostgreSQL). */
export interface SqlExecutor {
  /** The rows of a query. */
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement; how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** Which SQL a database speaks. */
export type SqlDialect = "sqlite" | "postgres";

/**
 * One database connection (or pool) behind the stores. Statements outside `transaction` are atomic on
 * their own; `transaction` runs its body as one unit that commits or rolls back whole. Errors of the
 * database itself come out as `StoreUnavailableError`.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly dialect: SqlDialect;
  /** The store's name for people and errors ("SQLite store"). */
  readonly name: string;
  /** Runs `body` in one write transaction; its statements must go through the executor it is given. */
  transaction<T>(body: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `(?, ?, ?), (?, ?, ?)`: placeholders for a multi-row insert. */
export function valuesPlaceholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, () => row).join(", ");
}

/** `?, ?, ?`: placeholders for an `IN (...)` list. */
export function listPlaceholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
}
