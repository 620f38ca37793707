import postgres from "postgres";
import { StoreConflictError, StoreUnavailableError, type StoreUnavailableReason } from "../errors";
import type { SqlDatabase, SqlExecutor, SqlRow, SqlValue } from "./sql-database";

const NAME = "PostgreSQL store";

// SQLSTATE classes and codes, https://www.postgresql.org/docs/current/errcodes-appendix.html
const REASON_BY_STATE: Readonly<Record<string, StoreUnavailableReason>> = {
  "53100": "full", // disk_full
  "53200": "full", // out_of_memory
  "53300": "busy", // too_many_connections
  "53400": "full", // configuration_limit_exceeded
  "57P01": "unreachable", // admin_shutdown
  "57P02": "unreachable", // crash_shutdown
  "57P03": "unreachable", // cannot_connect_now
  "25006": "read_only", // read_only_sql_transaction
  "40001": "busy", // serialization_failure
  "40P01": "busy", // deadlock_detected
  "55P03": "busy", // lock_not_available
  "58030": "failed", // io_error
};

// Errors of the connection itself, from Node's sockets and from the `postgres` client.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** An error of the `postgres` client as the stores' error types; other errors (bugs) pass unchanged. */
function translateError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return error;
  const message = (error as Error).message;
  if (code === "23505") return new StoreConflictError(message, { cause: error });
  const reason = CONNECTION_CODES.has(code) || code.startsWith("08") ? "unreachable" : REASON_BY_STATE[code];
  return reason === undefined ? error : new StoreUnavailableError(NAME, reason, message || code, error);
}

/** Rewrites `?` placeholders to PostgreSQL's `$1`, `$2`, ... (the stores' SQL has no `?` elsewhere). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** What opens a PostgreSQL database. */
export interface PostgresOptions {
  url: string;
  /** The schema of the tables, created when missing; `public` when omitted. */
  schema?: string | undefined;
  maxConnections?: number | undefined;
}

/**
 * PostgreSQL through the `postgres` client: a pool per instance, statements prepared on each connection,
 * the tables in `schema` (set as the connections' `search_path`).
 */
export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  const schema = options.schema ?? "public";
  const client = postgres(options.url, {
    max: options.maxConnections ?? 10,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { search_path: quoteIdentifier(schema), application_name: "switchyard" },
  });
  const executorOf = (target: postgres.Sql | postgres.TransactionSql): SqlExecutor => ({
    all: async (sql, params = []) => {
      try {
        return [
          ...(await target.unsafe(numberedPlaceholders(sql), params as SqlValue[], { prepare: true })),
        ] as SqlRow[];
      } catch (error) {
        throw translateError(error);
      }
    },
    run: async (sql, params = []) => {
      try {
        return (await target.unsafe(numberedPlaceholders(sql), params as SqlValue[], { prepare: true }))
          .count;
      } catch (error) {
        throw translateError(error);
      }
    },
  });
  const pool = executorOf(client);
  if (schema !== "public") {
    try {
      await pool.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    } catch (error) {
      // Two instances creating it at once: the loser sees a unique violation, and the schema is there.
      if (!(error instanceof StoreConflictError)) {
        await client.end({ timeout: 1 });
        throw error;
      }
    }
  }
  return {
    dialect: "postgres",
    name: NAME,
    all: pool.all,
    run: pool.run,
    async transaction(body) {
      try {
        return (await client.begin((transaction) => body(executorOf(transaction)))) as Awaited<
          ReturnType<typeof body>
        >;
      } catch (error) {
        throw translateError(error);
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}
