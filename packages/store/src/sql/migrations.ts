import type { SqlDialect } from "./sql-database";

/** One versioned step of the schema, in the SQL of each backend. */
export interface Migration {
  version: number;
  name: string;
  statements: Readonly<Record<SqlDialect, readonly string[]>>;
}

// Times are epoch milliseconds (BIGINT on PostgreSQL; SQLite's INTEGER is 64-bit). JSON is kept as TEXT, not
// jsonb: jsonb reorders keys and drops duplicates, and a stored Response must read back exactly as returned.
const responsesTables = (bigint: string): string[] => [
  `CREATE TABLE responses (
    id TEXT PRIMARY KEY,
    owner_key_id TEXT NOT NULL,
    owner_workspace_id TEXT,
    status TEXT NOT NULL,
    body TEXT NOT NULL,
    previous_response_id TEXT,
    conversation_id TEXT,
    producer_provider TEXT,
    producer_model TEXT,
    runner TEXT,
    lease_until ${bigint},
    created_at ${bigint} NOT NULL,
    updated_at ${bigint} NOT NULL
  )`,
  "CREATE INDEX responses_by_created_at ON responses (created_at)",
  "CREATE INDEX responses_by_lease ON responses (lease_until) WHERE lease_until IS NOT NULL",
  "CREATE INDEX responses_by_runner ON responses (runner) WHERE runner IS NOT NULL",
  // kind: 0 input, 1 output. The primary key orders a response's items, so a chain reads in one pass.
  `CREATE TABLE response_items (
    response_id TEXT NOT NULL,
    kind SMALLINT NOT NULL,
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    owner_key_id TEXT NOT NULL,
    body TEXT NOT NULL,
    producer_provider TEXT,
    producer_model TEXT,
    PRIMARY KEY (response_id, kind, position)
  )`,
  "CREATE INDEX response_items_by_owner_and_id ON response_items (owner_key_id, item_id)",
  `CREATE TABLE response_events (
    response_id TEXT NOT NULL,
    sequence_number INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (response_id, sequence_number)
  )`,
  // next_position is the append counter: one UPDATE reserves a block of positions under the row's lock.
  `CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    owner_key_id TEXT NOT NULL,
    owner_workspace_id TEXT,
    metadata TEXT NOT NULL,
    next_position ${bigint} NOT NULL,
    created_at ${bigint} NOT NULL,
    updated_at ${bigint} NOT NULL
  )`,
  "CREATE INDEX conversations_by_updated_at ON conversations (updated_at)",
  `CREATE TABLE conversation_items (
    conversation_id TEXT NOT NULL,
    position ${bigint} NOT NULL,
    item_id TEXT NOT NULL,
    owner_key_id TEXT NOT NULL,
    body TEXT NOT NULL,
    producer_provider TEXT,
    producer_model TEXT,
    PRIMARY KEY (conversation_id, position)
  )`,
  "CREATE INDEX conversation_items_by_owner_and_id ON conversation_items (owner_key_id, item_id)",
];

/**
 * The schema's history, oldest first. Append new versions; never edit one that has shipped. Later parts of
 * the server (keys, workspaces, the spend ledger) add their tables here, in the same numbering.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "responses, their items and events; conversations and their items",
    statements: { sqlite: responsesTables("INTEGER"), postgres: responsesTables("BIGINT") },
  },
];

/** The schema version this code expects. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
