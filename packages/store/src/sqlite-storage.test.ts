import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeAtomicity } from "./contract/atomicity-contract";
import { alice, finishedTurn, userItem } from "./contract/contract-fixtures";
import { describeStorageContract } from "./contract/storage-contract";
import { StoreUnavailableError } from "./errors";
import { openStorage } from "./open-storage";
import { LATEST_SCHEMA_VERSION } from "./sql/migrations";
import { openSqliteDatabase } from "./sql/sqlite-database";

let directory: string;
const fresh = () => {
  directory = mkdtempSync(join(tmpdir(), "switchyard-store-"));
  return join(directory, "data", "switchyard.sqlite");
};

describeStorageContract("SQLite", {
  open: () => openStorage({ backend: "sqlite", file: fresh() }),
  cleanup: async () => rmSync(directory, { recursive: true, force: true }),
});

describeAtomicity(
  "SQLite",
  async () => openSqliteDatabase(fresh()),
  async () => rmSync(directory, { recursive: true, force: true }),
);

describe("SQLite storage", () => {
  let file: string;
  beforeEach(() => {
    file = fresh();
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("creates the data directory and reads everything back after a restart on the same file", async () => {
    const first = await openStorage({ backend: "sqlite", file });
    await first.responses.finish(finishedTurn(alice, "resp_1"));
    await first.conversations.create({
      id: "conv_1",
      owner: alice,
      metadata: { a: "b" },
      items: [userItem("m1", "x")],
      createdAt: 1,
    });
    await first.close();

    const second = await openStorage({ backend: "sqlite", file });
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((await second.responses.get(alice, "resp_1"))?.response).toEqual(
      finishedTurn(alice, "resp_1").response,
    );
    expect((await second.responses.readChain(alice, "resp_1"))?.turns).toHaveLength(1);
    expect(await second.conversations.readItems(alice, "conv_1")).toEqual([userItem("m1", "x")]);
    await second.responses.finish(finishedTurn(alice, "resp_2", { previous: "resp_1" }));
    expect((await second.responses.readChain(alice, "resp_2"))?.turns.map((turn) => turn.responseId)).toEqual(
      ["resp_1", "resp_2"],
    );
    await second.close();

    const raw = new DatabaseSync(file);
    const applied = raw.prepare("SELECT version FROM switchyard_migrations ORDER BY version").all();
    raw.close();
    expect(applied.map((row) => row["version"])).toEqual([LATEST_SCHEMA_VERSION]);
  });

  it("refuses a database whose schema is newer than the code", async () => {
    await (await openStorage({ backend: "sqlite", file })).close();
    const raw = new DatabaseSync(file);
    raw
      .prepare("INSERT INTO switchyard_migrations (version, name, applied_at) VALUES (999, 'future', 0)")
      .run();
    raw.close();
    await expect(openStorage({ backend: "sqlite", file })).rejects.toThrow(
      `The SQLite store has schema version 999, newer than this gateway's ${LATEST_SCHEMA_VERSION}: run a newer gateway.`,
    );
  });

  it("answers a full database with a 503 naming the store, and leaves nothing half-written", async () => {
    const storage = await openStorage({ backend: "sqlite", file, maxSizeBytes: 256 * 1024 });
    await storage.conversations.create({ id: "conv_1", owner: alice, metadata: {}, items: [], createdAt: 1 });
    const huge = userItem("in_huge", "x".repeat(1024 * 1024));
    const turn = finishedTurn(alice, "resp_big", {
      conversation: "conv_1",
      input: [userItem("in_small", "a"), huge],
    });
    const failure = await storage.responses.finish(turn).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).toMatchObject({
      status: 503,
      code: "store_unavailable",
      store: "SQLite store",
      reason: "full",
    });
    expect((failure as Error).message).toMatch(/^The SQLite store is unavailable \(full\): /);
    expect(await storage.responses.get(alice, "resp_big")).toBeUndefined();
    expect((await storage.responses.findItems(alice, ["in_small"])).size).toBe(0);
    expect(await storage.conversations.readItems(alice, "conv_1")).toEqual([]);
    // Smaller writes still go through afterwards.
    await storage.responses.finish(finishedTurn(alice, "resp_small", { conversation: "conv_1" }));
    expect((await storage.conversations.readItems(alice, "conv_1"))?.length).toBe(3);
    await storage.close();
  });

  it("answers a file it cannot open with a 503 naming the store", async () => {
    const blocked = join(directory, "not-a-directory");
    new DatabaseSync(blocked).close();
    const failure = await openStorage({ backend: "sqlite", file: join(blocked, "x.sqlite") }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).store).toBe("SQLite store");
  });

  it("lets several processes write one file: appends from three processes at once stay whole", async () => {
    const storage = await openStorage({ backend: "sqlite", file });
    await storage.conversations.create({ id: "conv_1", owner: alice, metadata: {}, items: [], createdAt: 1 });
    const here = dirname(fileURLToPath(import.meta.url));
    const writer = (prefix: string) =>
      promisify(execFile)(
        process.execPath,
        [
          "--import",
          "tsx",
          join(here, "contract", "sqlite-writer-process.ts"),
          file,
          "conv_1",
          prefix,
          "100",
        ],
        { cwd: resolve(here, "..", "..", "..") },
      );
    const children = [writer("p1"), writer("p2")];
    // Every process begins its appends at the same moment: once both children are ready, `.go` starts them.
    while (!existsSync(`${file}.p1.ready`) || !existsSync(`${file}.p2.ready`)) await sleep(5);
    writeFileSync(`${file}.go`, "");
    await Promise.all([
      ...children,
      ...Array.from({ length: 100 }, (_, index) =>
        storage.conversations.append(
          alice,
          "conv_1",
          [userItem(`p0_${index}_a`, "a"), userItem(`p0_${index}_b`, "b")],
          2,
        ),
      ),
    ]);
    const items = ((await storage.conversations.readItems(alice, "conv_1")) ?? []).map((item) => item.id);
    await storage.close();
    expect(items).toHaveLength(600);
    const blocks = new Set<string>();
    for (let block = 0; block < 300; block++) {
      const [first, second] = items.slice(block * 2, block * 2 + 2);
      const name = first!.slice(0, -2);
      expect([first, second]).toEqual([`${name}_a`, `${name}_b`]);
      blocks.add(name);
    }
    expect(blocks.size).toBe(300);
  });
});
