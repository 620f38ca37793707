import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../errors";
import { storageOn } from "../open-storage";
import { migrate } from "../sql/migrate";
import type { SqlDatabase, SqlExecutor } from "../sql/sql-database";
import type { Storage } from "../storage";
import { alice, finishedTurn, responseObject, userItem } from "./contract-fixtures";

const TABLES = ["responses", "response_items", "response_events", "conversations", "conversation_items"];

/** Every row of every table, in a stable order: what a failed write must leave unchanged. */
async function snapshot(database: SqlDatabase): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await database.all(`SELECT * FROM ${table}`);
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/**
 * A real database whose transactions fail at their `failAt`-th statement (counting from 1), the way a
 * connection lost or a disk filled mid-write would: the point is what the real database keeps afterwards.
 */
function failingAt(database: SqlDatabase, failAt: number): SqlDatabase & { reached: () => boolean } {
  let reached = false;
  return {
    ...database,
    reached: () => reached,
    transaction: (body) =>
      database.transaction((executor) => {
        let count = 0;
        const step = () => {
          count += 1;
          if (count === failAt) {
            reached = true;
            throw new StoreUnavailableError(database.name, "unreachable", "injected failure");
          }
        };
        const failing: SqlExecutor = {
          all: async (sql, params) => {
            step();
            return executor.all(sql, params);
          },
          run: async (sql, params) => {
            step();
            return executor.run(sql, params);
          },
        };
        return body(failing);
      }),
  };
}

type Write = [name: string, (storage: Storage) => Promise<unknown>];

// Every multi-statement write of the stores, on a database that already holds a chain and a conversation.
const WRITES: Write[] = [
  [
    "finish a response on a conversation",
    (s) => s.responses.finish(finishedTurn(alice, "resp_new", { conversation: "conv_1" })),
  ],
  ["finish a begun response", (s) => s.responses.finish({ ...finishedTurn(alice, "resp_running"), now: 9 })],
  [
    "begin a response",
    (s) =>
      s.responses.begin({
        id: "resp_begun",
        owner: alice,
        response: responseObject("resp_begun", "queued"),
        previousResponseId: "resp_1",
        conversationId: null,
        input: [userItem("in_x", "x"), userItem("in_y", "y")],
        lease: { runner: "a", until: 100 },
        createdAt: 5,
      }),
  ],
  ["delete a response", (s) => s.responses.delete(alice, "resp_1")],
  [
    "create a conversation",
    (s) =>
      s.conversations.create({
        id: "conv_2",
        owner: alice,
        metadata: {},
        items: [userItem("c2", "x")],
        createdAt: 5,
      }),
  ],
  [
    "append to a conversation",
    (s) => s.conversations.append(alice, "conv_1", [userItem("a1", "a"), userItem("a2", "b")], 6),
  ],
  ["delete a conversation", (s) => s.conversations.delete(alice, "conv_1")],
  ["delete a conversation item", (s) => s.conversations.deleteItem(alice, "conv_1", "c1", 7)],
  ["purge", (s) => s.purgeExpired(1_000_000)],
];

/** Fails every write of the stores at each of its statements in turn: nothing half-written may remain. */
export function describeAtomicity(
  label: string,
  open: () => Promise<SqlDatabase>,
  cleanup?: () => Promise<void>,
): void {
  describe(`atomic writes: ${label}`, () => {
    let database: SqlDatabase;
    beforeEach(async () => {
      database = await open();
      const version = await migrate(database, 0);
      const storage = storageOn(database, version);
      await storage.responses.finish(finishedTurn(alice, "resp_1"));
      await storage.conversations.create({
        id: "conv_1",
        owner: alice,
        metadata: {},
        items: [userItem("c1", "x")],
        createdAt: 1,
      });
      await storage.responses.begin({
        id: "resp_running",
        owner: alice,
        response: responseObject("resp_running", "in_progress"),
        previousResponseId: null,
        conversationId: null,
        input: [userItem("in_r", "r")],
        lease: { runner: "a", until: 100 },
        createdAt: 2,
      });
    });
    afterEach(async () => {
      await database.close();
      await cleanup?.();
    });

    it.each(WRITES)("%s: a failure at any statement leaves every table as it was", async (_name, write) => {
      const before = await snapshot(database);
      for (let failAt = 1; ; failAt++) {
        const failing = failingAt(database, failAt);
        const outcome = await write(storageOn(failing, 1)).then(
          () => "written",
          (error: unknown) => error,
        );
        if (!failing.reached()) {
          expect(outcome).toBe("written");
          expect(failAt).toBeGreaterThan(1);
          return;
        }
        expect(outcome).toBeInstanceOf(StoreUnavailableError);
        expect(await snapshot(database)).toEqual(before);
      }
    });
  });
}
