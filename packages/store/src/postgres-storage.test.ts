import { createServer } from "node:net";
import { POSTGRES_TEST_SERVICE, testService } from "@switchyard/core/testing";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { describeAtomicity } from "./contract/atomicity-contract";
import { alice, finishedTurn, userItem } from "./contract/contract-fixtures";
import { createTestSchemas } from "./contract/postgres-schemas";
import { describeStorageContract } from "./contract/storage-contract";
import { StoreUnavailableError } from "./errors";
import { openStorage } from "./open-storage";
import { LATEST_SCHEMA_VERSION } from "./sql/migrations";
import { openPostgresDatabase } from "./sql/postgres-database";

const postgresService = testService(POSTGRES_TEST_SERVICE);
const url = postgresService.available ? postgresService.url : "";
const schemas = createTestSchemas(url);

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!postgresService.available)("PostgreSQL", () => {
  afterAll(() => schemas.dropAll());

  describeStorageContract("PostgreSQL", {
    open: () => openStorage({ backend: "postgres", url, schema: schemas.next() }),
  });

  describeAtomicity("PostgreSQL", () => openPostgresDatabase({ url, schema: schemas.next() }));

  describe("PostgreSQL storage", () => {
    it("lets several instances share one database: migrations once, writes of one read by the other", async () => {
      const schema = schemas.next();
      const [first, second] = await Promise.all([
        openStorage({ backend: "postgres", url, schema }),
        openStorage({ backend: "postgres", url, schema }),
      ]);
      try {
        expect([first.schemaVersion, second.schemaVersion]).toEqual([
          LATEST_SCHEMA_VERSION,
          LATEST_SCHEMA_VERSION,
        ]);
        await first.responses.finish(finishedTurn(alice, "resp_1"));
        await second.responses.finish(finishedTurn(alice, "resp_2", { previous: "resp_1" }));
        const chain = await first.responses.readChain(alice, "resp_2");
        expect(chain?.turns.map((turn) => turn.responseId)).toEqual(["resp_1", "resp_2"]);
        await first.conversations.create({
          id: "conv_1",
          owner: alice,
          metadata: {},
          items: [],
          createdAt: 1,
        });
        // Appends through two pools at once: each block stays whole.
        await Promise.all(
          Array.from({ length: 10 }, (_, index) =>
            (index % 2 === 0 ? first : second).conversations.append(
              alice,
              "conv_1",
              [userItem(`a_${index}`, "a"), userItem(`b_${index}`, "b")],
              2 + index,
            ),
          ),
        );
        const items = (await second.conversations.readItems(alice, "conv_1"))?.map((item) => item.id) ?? [];
        expect(items).toHaveLength(20);
        for (let block = 0; block < 10; block++) {
          const index = items[block * 2]!.slice(2);
          expect(items.slice(block * 2, block * 2 + 2)).toEqual([`a_${index}`, `b_${index}`]);
        }
        const admin = postgres(url, { max: 1, onnotice: () => {} });
        const rows = await admin.unsafe(`SELECT version FROM "${schema}".switchyard_migrations`);
        await admin.end();
        expect(rows.map((row) => row["version"])).toEqual([LATEST_SCHEMA_VERSION]);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });

    it("answers an unreachable server with a 503 naming the store", async () => {
      const port = await closedPort();
      const failure = await openStorage({
        backend: "postgres",
        url: `postgres://nobody:secret@127.0.0.1:${port}/none`,
        schema: "unused",
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(failure).toMatchObject({ status: 503, store: "PostgreSQL store", reason: "unreachable" });
      expect((failure as Error).message).not.toContain("secret");
    });

    it("answers a server that went away with a 503, and recovers when it is back", async () => {
      const schema = schemas.next();
      const storage = await openStorage({ backend: "postgres", url, schema, maxConnections: 1 });
      try {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        const admin = postgres(url, { max: 1, onnotice: () => {} });
        await admin.unsafe(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'switchyard' AND pid <> pg_backend_pid()",
        );
        await admin.end();
        const during = await storage.responses.get(alice, "resp_1").catch((error: unknown) => error);
        // The client reconnects by itself: the next call reads again; a call that lost its connection is a 503.
        if (during instanceof Error) expect(during).toBeInstanceOf(StoreUnavailableError);
        expect((await storage.responses.get(alice, "resp_1"))?.id).toBe("resp_1");
      } finally {
        await storage.close();
      }
    });
  });
});

if (!postgresService.available) {
  describe("PostgreSQL storage (not configured)", () => {
    it.skip(postgresService.message, () => {});
  });
}
