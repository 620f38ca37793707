import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoredItem } from "../records";
import type { Storage } from "../storage";
import {
  alice,
  answerItem,
  bob,
  claude,
  finishedTurn,
  gemini,
  reasoningItem,
  responseObject,
  userItem,
} from "./contract-fixtures";

/** Opens a fresh, empty storage for each test, and releases what it made. */
export interface StorageFactory {
  open(): Promise<Storage>;
  /** Runs after each test (the storage is already closed). */
  cleanup?(): Promise<void>;
}

const ids = (items: readonly StoredItem[]) => items.map((item) => item.id);

/** The behaviour every backend must show: one suite, run against SQLite and PostgreSQL. */
export function describeStorageContract(label: string, factory: StorageFactory): void {
  describe(`storage contract: ${label}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.open();
    });
    afterEach(async () => {
      await storage.close();
      await factory.cleanup?.();
    });

    describe("responses", () => {
      it("reads back the Response object exactly as written, with its owner and timestamps", async () => {
        const turn = finishedTurn(alice, "resp_1", { createdAt: 5_000 });
        expect(await storage.responses.finish(turn)).toEqual({
          written: true,
          appendedToConversation: false,
        });
        const stored = await storage.responses.get(alice, "resp_1");
        expect(JSON.stringify(stored?.response)).toBe(JSON.stringify(turn.response));
        expect(stored).toMatchObject({
          id: "resp_1",
          owner: alice,
          status: "completed",
          previousResponseId: null,
          conversationId: null,
          producer: claude,
          createdAt: 5_000,
          updatedAt: 5_000,
        });
      });

      it("answers another owner exactly like a missing id", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        const page = { limit: 10, order: "asc" as const };
        expect(await storage.responses.get(bob, "resp_1")).toBeUndefined();
        expect(await storage.responses.get(bob, "resp_missing")).toBeUndefined();
        expect(await storage.responses.listInputItems(bob, "resp_1", page)).toBeUndefined();
        expect(await storage.responses.readChain(bob, "resp_1")).toBeUndefined();
        expect(await storage.responses.readEvents(bob, "resp_1", 0)).toBeUndefined();
        expect((await storage.responses.findItems(bob, ["msg_resp_1", "in_resp_1"])).size).toBe(0);
        expect(
          await storage.responses.update(bob, "resp_1", responseObject("resp_1", "in_progress"), 2),
        ).toBe(false);
        expect(await storage.responses.delete(bob, "resp_1")).toBe(false);
        expect(await storage.responses.get(alice, "resp_1")).toBeDefined();
      });

      it("keeps a running response until it ends, then replaces it in one write", async () => {
        const running = responseObject("resp_bg", "queued", [], { background: true });
        await storage.responses.begin({
          id: "resp_bg",
          owner: alice,
          response: running,
          previousResponseId: null,
          conversationId: null,
          input: [userItem("in_1", "slow question")],
          lease: { runner: "instance_a", until: 10_000 },
          createdAt: 1_000,
        });
        expect((await storage.responses.get(alice, "resp_bg"))?.status).toBe("queued");
        const progress = responseObject("resp_bg", "in_progress", [], { background: true });
        expect(await storage.responses.update(alice, "resp_bg", progress, 1_500)).toBe(true);
        expect((await storage.responses.get(alice, "resp_bg"))?.response).toEqual(progress);

        const turn = finishedTurn(alice, "resp_bg", {
          input: [userItem("in_1", "slow question")],
          createdAt: 1_000,
        });
        turn.now = 2_000;
        expect(await storage.responses.finish(turn)).toEqual({
          written: true,
          appendedToConversation: false,
        });
        const stored = await storage.responses.get(alice, "resp_bg");
        expect(stored).toMatchObject({
          status: "completed",
          createdAt: 1_000,
          updatedAt: 2_000,
          producer: claude,
        });
        const page = await storage.responses.listInputItems(alice, "resp_bg", { limit: 10, order: "asc" });
        expect(page?.items.map((item) => item.id)).toEqual(["in_1"]);
        expect(await storage.responses.update(alice, "resp_bg", progress, 3_000)).toBe(false);
      });

      it("lets a cancel that ended the response first win over the runner's late finish", async () => {
        await storage.responses.begin({
          id: "resp_bg",
          owner: alice,
          response: responseObject("resp_bg", "in_progress"),
          previousResponseId: null,
          conversationId: null,
          input: [],
          lease: { runner: "instance_a", until: 10_000 },
          createdAt: 1_000,
        });
        const cancelled = { ...finishedTurn(alice, "resp_bg", { output: [] }), now: 1_100 };
        cancelled.response = responseObject("resp_bg", "cancelled");
        expect(await storage.responses.finish(cancelled)).toEqual({
          written: true,
          appendedToConversation: false,
        });
        const late = await storage.responses.finish({ ...finishedTurn(alice, "resp_bg"), now: 1_200 });
        expect(late.written).toBe(false);
        expect(late.written ? undefined : late.current.status).toBe("cancelled");
        expect((await storage.responses.get(alice, "resp_bg"))?.status).toBe("cancelled");
      });

      it("refuses a second response with the same id", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        await expect(storage.responses.finish(finishedTurn(bob, "resp_1"))).rejects.toThrow(
          "taken by another owner",
        );
        await expect(
          storage.responses.begin({
            id: "resp_1",
            owner: alice,
            response: responseObject("resp_1", "queued"),
            previousResponseId: null,
            conversationId: null,
            input: [],
            lease: { runner: "a", until: 1 },
            createdAt: 1,
          }),
        ).rejects.toMatchObject({ name: "StoreConflictError" });
      });

      it("pages input items with after, limit and order", async () => {
        const input = ["a", "b", "c", "d", "e"].map((name) => userItem(`in_${name}`, name));
        await storage.responses.finish(finishedTurn(alice, "resp_1", { input }));
        const list = (after: string | undefined, limit: number, order: "asc" | "desc") =>
          storage.responses.listInputItems(alice, "resp_1", { after, limit, order });
        const cases: [string | undefined, number, "asc" | "desc", string[], boolean][] = [
          [undefined, 2, "asc", ["in_a", "in_b"], true],
          ["in_b", 2, "asc", ["in_c", "in_d"], true],
          ["in_d", 2, "asc", ["in_e"], false],
          [undefined, 10, "desc", ["in_e", "in_d", "in_c", "in_b", "in_a"], false],
          ["in_c", 1, "desc", ["in_b"], true],
          ["in_unknown", 10, "asc", [], false],
        ];
        for (const [after, limit, order, expected, hasMore] of cases) {
          const page = await list(after, limit, order);
          expect({ after, order, items: ids(page?.items ?? []), hasMore: page?.hasMore }).toEqual({
            after,
            order,
            items: expected,
            hasMore,
          });
        }
        expect((await list(undefined, 1, "asc"))?.items[0]).toEqual(input[0]);
      });

      it("deletes a response with its items and events", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        await storage.responses.appendEvents("resp_1", [
          { sequenceNumber: 0, event: { type: "response.created" } },
        ]);
        expect(await storage.responses.delete(alice, "resp_1")).toBe(true);
        expect(await storage.responses.get(alice, "resp_1")).toBeUndefined();
        expect((await storage.responses.findItems(alice, ["msg_resp_1"])).size).toBe(0);
        expect(await storage.responses.readEvents(alice, "resp_1", -1)).toBeUndefined();
        expect(await storage.responses.delete(alice, "resp_1")).toBe(false);
      });

      it("stores stream events and reads them after a sequence number", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        const events = [0, 1, 2, 3].map((sequenceNumber) => ({
          sequenceNumber,
          event: {
            type: "response.output_text.delta",
            sequence_number: sequenceNumber,
            delta: `δ${sequenceNumber}`,
          },
        }));
        await storage.responses.appendEvents("resp_1", events.slice(0, 2));
        await storage.responses.appendEvents("resp_1", events.slice(1));
        expect(await storage.responses.readEvents(alice, "resp_1", 1)).toEqual(events.slice(2));
        expect(await storage.responses.readEvents(alice, "resp_1", -1)).toEqual(events);
      });
    });

    describe("chains", () => {
      it("reads a whole chain, oldest first, with each turn's input then output", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        await storage.responses.finish(
          finishedTurn(alice, "resp_2", { previous: "resp_1", producer: gemini }),
        );
        await storage.responses.finish(finishedTurn(alice, "resp_3", { previous: "resp_2", output: [] }));
        const chain = await storage.responses.readChain(alice, "resp_3");
        expect(chain?.missingAncestorId).toBeNull();
        expect(
          chain?.turns.map((turn) => ({
            id: turn.responseId,
            status: turn.status,
            producer: turn.producer,
            input: ids(turn.input),
            output: ids(turn.output),
          })),
        ).toEqual([
          {
            id: "resp_1",
            status: "completed",
            producer: claude,
            input: ["in_resp_1"],
            output: ["rs_resp_1", "msg_resp_1"],
          },
          {
            id: "resp_2",
            status: "completed",
            producer: gemini,
            input: ["in_resp_2"],
            output: ["rs_resp_2", "msg_resp_2"],
          },
          { id: "resp_3", status: "completed", producer: claude, input: ["in_resp_3"], output: [] },
        ]);
        expect(chain?.turns[1]?.output[0]).toEqual(reasoningItem("rs_resp_2", "sig-resp_2", gemini));
      });

      it("says which ancestor is gone when a chain was cut", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        await storage.responses.finish(finishedTurn(alice, "resp_2", { previous: "resp_1" }));
        await storage.responses.finish(finishedTurn(alice, "resp_3", { previous: "resp_2" }));
        await storage.responses.delete(alice, "resp_2");
        const chain = await storage.responses.readChain(alice, "resp_3");
        expect(chain?.turns.map((turn) => turn.responseId)).toEqual(["resp_3"]);
        expect(chain?.missingAncestorId).toBe("resp_2");
      });

      it("lets 20 continuations of one response run at once, as forks", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_root"));
        const forks = Array.from({ length: 20 }, (_, index) => `resp_fork_${index}`);
        const outcomes = await Promise.all(
          forks.map((id) => storage.responses.finish(finishedTurn(alice, id, { previous: "resp_root" }))),
        );
        expect(outcomes.every((outcome) => outcome.written)).toBe(true);
        for (const id of forks) {
          const chain = await storage.responses.readChain(alice, id);
          expect(chain?.turns.map((turn) => turn.responseId)).toEqual(["resp_root", id]);
          expect(ids(chain?.turns[1]?.input ?? [])).toEqual([`in_${id}`]);
        }
      });
    });

    describe("item lookup", () => {
      it("finds items of responses and conversations by id, the produced copy first", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_1"));
        // The client echoed the reasoning item back as input of the next turn: same id, no producer.
        const echo = { ...reasoningItem("rs_resp_1", "sig-resp_1"), producer: null };
        await storage.responses.finish(finishedTurn(alice, "resp_2", { previous: "resp_1", input: [echo] }));
        await storage.conversations.create({
          id: "conv_1",
          owner: alice,
          metadata: {},
          items: [userItem("msg_c1", "in a conversation")],
          createdAt: 1,
        });
        const found = await storage.responses.findItems(alice, ["rs_resp_1", "msg_c1", "nope", "rs_resp_1"]);
        expect([...found.keys()].sort()).toEqual(["msg_c1", "rs_resp_1"]);
        expect(found.get("rs_resp_1")).toEqual(reasoningItem("rs_resp_1", "sig-resp_1", claude));
        expect(found.get("msg_c1")).toEqual(userItem("msg_c1", "in a conversation"));
        expect((await storage.responses.findItems(alice, [])).size).toBe(0);
      });
    });

    describe("conversations", () => {
      const create = (id = "conv_1", owner = alice) =>
        storage.conversations.create({
          id,
          owner,
          metadata: { topic: "démo" },
          items: [userItem("msg_first", "hello")],
          createdAt: 100,
        });

      it("creates, reads, updates metadata and deletes, owner-scoped", async () => {
        expect(await create()).toEqual({
          id: "conv_1",
          owner: alice,
          metadata: { topic: "démo" },
          createdAt: 100,
          updatedAt: 100,
        });
        expect(await storage.conversations.get(alice, "conv_1")).toEqual({
          id: "conv_1",
          owner: alice,
          metadata: { topic: "démo" },
          createdAt: 100,
          updatedAt: 100,
        });
        expect(await storage.conversations.get(bob, "conv_1")).toBeUndefined();
        expect(await storage.conversations.updateMetadata(bob, "conv_1", { x: "y" }, 150)).toBeUndefined();
        expect(await storage.conversations.updateMetadata(alice, "conv_1", { x: "y" }, 150)).toMatchObject({
          metadata: { x: "y" },
          updatedAt: 150,
        });
        expect(await storage.conversations.readItems(bob, "conv_1")).toBeUndefined();
        expect(await storage.conversations.append(bob, "conv_1", [userItem("m", "x")], 160)).toBe(false);
        expect(await storage.conversations.delete(bob, "conv_1")).toBe(false);
        expect(await storage.conversations.delete(alice, "conv_1")).toBe(true);
        expect(await storage.conversations.get(alice, "conv_1")).toBeUndefined();
        expect(await storage.conversations.readItems(alice, "conv_1")).toBeUndefined();
        expect((await storage.responses.findItems(alice, ["msg_first"])).size).toBe(0);
      });

      it("appends, lists, gets and deletes items", async () => {
        await create();
        expect(await storage.conversations.readItems(alice, "conv_1")).toEqual([
          userItem("msg_first", "hello"),
        ]);
        await storage.conversations.append(
          alice,
          "conv_1",
          [answerItem("msg_2", "hi"), userItem("msg_3", "more")],
          200,
        );
        expect(ids((await storage.conversations.readItems(alice, "conv_1")) ?? [])).toEqual([
          "msg_first",
          "msg_2",
          "msg_3",
        ]);
        const page = await storage.conversations.listItems(alice, "conv_1", { limit: 2, order: "desc" });
        expect({ items: ids(page?.items ?? []), hasMore: page?.hasMore }).toEqual({
          items: ["msg_3", "msg_2"],
          hasMore: true,
        });
        const next = await storage.conversations.listItems(alice, "conv_1", {
          after: "msg_2",
          limit: 2,
          order: "desc",
        });
        expect({ items: ids(next?.items ?? []), hasMore: next?.hasMore }).toEqual({
          items: ["msg_first"],
          hasMore: false,
        });
        expect(
          await storage.conversations.listItems(bob, "conv_1", { limit: 2, order: "asc" }),
        ).toBeUndefined();
        expect(await storage.conversations.getItem(alice, "conv_1", "msg_2")).toEqual(
          answerItem("msg_2", "hi"),
        );
        expect(await storage.conversations.getItem(bob, "conv_1", "msg_2")).toBeUndefined();
        expect(await storage.conversations.deleteItem(bob, "conv_1", "msg_2", 300)).toBe(false);
        expect(await storage.conversations.deleteItem(alice, "conv_1", "msg_nope", 300)).toBe(false);
        expect((await storage.conversations.get(alice, "conv_1"))?.updatedAt).toBe(200);
        expect(await storage.conversations.deleteItem(alice, "conv_1", "msg_2", 300)).toBe(true);
        expect(await storage.conversations.getItem(alice, "conv_1", "msg_2")).toBeUndefined();
        expect(ids((await storage.conversations.readItems(alice, "conv_1")) ?? [])).toEqual([
          "msg_first",
          "msg_3",
        ]);
        expect((await storage.conversations.get(alice, "conv_1"))?.updatedAt).toBe(300);
        await storage.conversations.append(alice, "conv_1", [userItem("msg_4", "last")], 400);
        expect(ids((await storage.conversations.readItems(alice, "conv_1")) ?? [])).toEqual([
          "msg_first",
          "msg_3",
          "msg_4",
        ]);
      });

      it("appends a finished response's input then output to its conversation", async () => {
        await create();
        const outcome = await storage.responses.finish(
          finishedTurn(alice, "resp_1", { conversation: "conv_1" }),
        );
        expect(outcome).toEqual({ written: true, appendedToConversation: true });
        expect(ids((await storage.conversations.readItems(alice, "conv_1")) ?? [])).toEqual([
          "msg_first",
          "in_resp_1",
          "rs_resp_1",
          "msg_resp_1",
        ]);
        expect((await storage.conversations.readItems(alice, "conv_1"))?.[2]).toEqual(
          reasoningItem("rs_resp_1", "sig-resp_1"),
        );
        // A conversation deleted while a response ran: the response is still stored.
        const late = await storage.responses.finish(
          finishedTurn(alice, "resp_2", { conversation: "conv_gone" }),
        );
        expect(late).toEqual({ written: true, appendedToConversation: false });
        expect((await storage.responses.get(alice, "resp_2"))?.conversationId).toBe("conv_gone");
      });

      it("never loses or interleaves items of 10 responses finishing on one conversation at once", async () => {
        await create();
        const turns = Array.from({ length: 10 }, (_, index) =>
          finishedTurn(alice, `resp_${index}`, {
            conversation: "conv_1",
            input: [userItem(`in_${index}_a`, "a"), userItem(`in_${index}_b`, "b")],
          }),
        );
        await Promise.all(turns.map((turn) => storage.responses.finish(turn)));
        const items = ids((await storage.conversations.readItems(alice, "conv_1")) ?? []);
        expect(items).toHaveLength(1 + 10 * 4);
        expect(items[0]).toBe("msg_first");
        const blocks = Array.from({ length: 10 }, (_, block) => items.slice(1 + block * 4, 5 + block * 4));
        const seen = blocks.map((block) => {
          const index = block[0]!.split("_")[1];
          expect(block).toEqual([`in_${index}_a`, `in_${index}_b`, `rs_resp_${index}`, `msg_resp_${index}`]);
          return index;
        });
        expect(new Set(seen).size).toBe(10);
      });
    });

    describe("leases and retention", () => {
      const begin = (id: string, runner: string, until: number) =>
        storage.responses.begin({
          id,
          owner: alice,
          response: responseObject(id, "in_progress", [], { background: true }),
          previousResponseId: null,
          conversationId: null,
          input: [userItem(`in_${id}`, "q")],
          lease: { runner, until },
          createdAt: 1_000,
        });

      it("fails running responses whose runner stopped renewing its lease, and only those", async () => {
        await begin("resp_a", "instance_a", 5_000);
        await begin("resp_b", "instance_b", 5_000);
        expect(await storage.responses.renewLeases("instance_b", 20_000)).toBe(1);
        const error = {
          code: "server_error",
          message: "The gateway stopped while the response was in progress.",
        };
        expect(await storage.responses.failAbandoned(6_000, error)).toEqual(["resp_a"]);
        const failed = await storage.responses.get(alice, "resp_a");
        expect(failed?.status).toBe("failed");
        expect(failed?.response).toEqual({
          ...responseObject("resp_a", "failed", [], { background: true }),
          error,
        });
        expect((await storage.responses.get(alice, "resp_b"))?.status).toBe("in_progress");
        expect(await storage.responses.failAbandoned(6_000, error)).toEqual([]);
        expect(await storage.responses.renewLeases("instance_a", 30_000)).toBe(0);
      });

      it("purges ended responses and idle conversations older than the cut-off, with their items", async () => {
        await storage.responses.finish(finishedTurn(alice, "resp_old", { createdAt: 1_000 }));
        await storage.responses.finish(finishedTurn(alice, "resp_new", { createdAt: 9_000 }));
        await begin("resp_running", "instance_a", 100_000);
        await storage.conversations.create({
          id: "conv_old",
          owner: alice,
          metadata: {},
          items: [userItem("c_old", "x")],
          createdAt: 1_000,
        });
        await storage.conversations.create({
          id: "conv_active",
          owner: alice,
          metadata: {},
          items: [],
          createdAt: 1_000,
        });
        await storage.conversations.append(alice, "conv_active", [userItem("c_new", "y")], 9_500);
        expect(await storage.purgeExpired(5_000)).toEqual({ responses: 1, conversations: 1 });
        expect(await storage.responses.get(alice, "resp_old")).toBeUndefined();
        expect((await storage.responses.findItems(alice, ["msg_resp_old", "c_old"])).size).toBe(0);
        expect(await storage.responses.get(alice, "resp_new")).toBeDefined();
        expect(await storage.responses.get(alice, "resp_running")).toBeDefined();
        expect(await storage.conversations.get(alice, "conv_old")).toBeUndefined();
        expect(ids((await storage.conversations.readItems(alice, "conv_active")) ?? [])).toEqual(["c_new"]);
        expect(await storage.purgeExpired(5_000)).toEqual({ responses: 0, conversations: 0 });
      });
    });

    it("reports the schema version its migrations reached", () => {
      expect(storage.schemaVersion).toBeGreaterThanOrEqual(1);
    });
  });
}
