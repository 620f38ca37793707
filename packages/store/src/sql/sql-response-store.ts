import type { ResponseObject } from "@switchyard/core";
import { StoreConflictError } from "../errors";
import type { ChainTurn, Owner, StoredItem, StoredResponse } from "../records";
import type { ResponseStore } from "../storage";
import { readItemPage } from "./item-pages";
import { appendToConversation, INPUT_KIND, insertResponseItems, OUTPUT_KIND } from "./item-writes";
import { itemOf, numberOf, producerOf, producerValues } from "./rows";
import {
  chunks,
  listPlaceholders,
  type SqlDatabase,
  type SqlExecutor,
  type SqlRow,
  valuesPlaceholders,
} from "./sql-database";

const RUNNING = "('queued', 'in_progress')";
const RUNNING_STATUSES = new Set(["queued", "in_progress"]);
const ENDED_STATUSES = new Set(["completed", "incomplete", "failed", "cancelled"]);

const RESPONSE_COLUMNS =
  "id, owner_key_id, owner_workspace_id, status, body, previous_response_id, conversation_id, producer_provider, producer_model, created_at, updated_at";

function responseOf(row: SqlRow): StoredResponse {
  const workspace = row["owner_workspace_id"];
  return {
    id: String(row["id"]),
    owner: {
      keyId: String(row["owner_key_id"]),
      ...(typeof workspace === "string" ? { workspaceId: workspace } : {}),
    },
    response: JSON.parse(String(row["body"])) as ResponseObject,
    status: String(row["status"]) as ResponseObject["status"],
    previousResponseId: (row["previous_response_id"] as string | null) ?? null,
    conversationId: (row["conversation_id"] as string | null) ?? null,
    producer: producerOf(row),
    createdAt: numberOf(row["created_at"]),
    updatedAt: numberOf(row["updated_at"]),
  };
}

/** The output items of a Response object; each must carry its id. */
function outputItemsOf(response: ResponseObject, producer: StoredItem["producer"]): StoredItem[] {
  return response.output.map((item, index) => {
    const id = (item as { id?: unknown }).id;
    if (typeof id !== "string" || id === "")
      throw new TypeError(`response.output[${index}] has no id to store`);
    return { id, item, producer };
  });
}

function requireStatus(response: ResponseObject, allowed: ReadonlySet<string>, method: string): void {
  if (!allowed.has(response.status)) {
    throw new TypeError(
      `${method} takes a response whose status is ${[...allowed].join(" or ")}, not ${response.status}`,
    );
  }
}

// Chains are acyclic by construction (a response names an earlier one); the bound guards a corrupt database.
const MAX_CHAIN_LENGTH = 100_000;

// One statement reads a whole chain: the recursive part walks previous_response_id, the join brings every
// turn's items in primary-key order (inputs, then outputs).
const CHAIN_QUERY = `WITH RECURSIVE chain (id, previous_response_id, depth) AS (
  SELECT id, previous_response_id, 0 FROM responses WHERE id = ? AND owner_key_id = ?
  UNION ALL
  SELECT r.id, r.previous_response_id, chain.depth + 1
  FROM responses r JOIN chain ON r.id = chain.previous_response_id
  WHERE r.owner_key_id = ? AND chain.depth < ${MAX_CHAIN_LENGTH}
)
SELECT chain.id AS response_id, chain.previous_response_id, chain.depth, r.status,
  r.producer_provider, r.producer_model, i.kind, i.item_id AS i_item_id, i.body AS i_body,
  i.producer_provider AS i_producer_provider, i.producer_model AS i_producer_model
FROM chain JOIN responses r ON r.id = chain.id
LEFT JOIN response_items i ON i.response_id = chain.id
ORDER BY chain.depth DESC, i.kind, i.position`;

/** `ResponseStore` on a SQL database (both backends). */
export function createSqlResponseStore(database: SqlDatabase): ResponseStore {
  const exists = async (executor: SqlExecutor, owner: Owner, id: string): Promise<boolean> =>
    (
      await executor.all("SELECT 1 AS found FROM responses WHERE id = ? AND owner_key_id = ?", [
        id,
        owner.keyId,
      ])
    ).length > 0;

  const get = async (owner: Owner, id: string): Promise<StoredResponse | undefined> => {
    const rows = await database.all(
      `SELECT ${RESPONSE_COLUMNS} FROM responses WHERE id = ? AND owner_key_id = ?`,
      [id, owner.keyId],
    );
    return rows.length === 0 ? undefined : responseOf(rows[0]!);
  };

  return {
    async begin(start) {
      requireStatus(start.response, RUNNING_STATUSES, "begin");
      await database.transaction(async (executor) => {
        await executor.run(
          `INSERT INTO responses (id, owner_key_id, owner_workspace_id, status, body, previous_response_id, conversation_id, producer_provider, producer_model, runner, lease_until, created_at, updated_at) VALUES ${valuesPlaceholders(1, 13)}`,
          [
            start.id,
            start.owner.keyId,
            start.owner.workspaceId ?? null,
            start.response.status,
            JSON.stringify(start.response),
            start.previousResponseId,
            start.conversationId,
            null,
            null,
            start.lease.runner,
            start.lease.until,
            start.createdAt,
            start.createdAt,
          ],
        );
        await insertResponseItems(executor, start.id, start.owner, INPUT_KIND, start.input);
      });
    },

    async finish(finish) {
      requireStatus(finish.response, ENDED_STATUSES, "finish");
      const output = outputItemsOf(finish.response, finish.producer);
      const [provider, model] = producerValues(finish.producer);
      const body = JSON.stringify(finish.response);
      return database.transaction(async (executor) => {
        // Replaces a running row of this owner; a row that already ended is left as it is.
        const replaced = await executor.run(
          `UPDATE responses SET status = ?, body = ?, producer_provider = ?, producer_model = ?, runner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND owner_key_id = ? AND status IN ${RUNNING}`,
          [finish.response.status, body, provider, model, finish.now, finish.id, finish.owner.keyId],
        );
        if (replaced === 0) {
          const current = await executor.all(`SELECT ${RESPONSE_COLUMNS} FROM responses WHERE id = ?`, [
            finish.id,
          ]);
          if (current.length > 0) {
            const stored = responseOf(current[0]!);
            if (stored.owner.keyId !== finish.owner.keyId) {
              throw new StoreConflictError(`response id ${finish.id} is taken by another owner`);
            }
            return { written: false as const, current: stored };
          }
          await executor.run(
            `INSERT INTO responses (id, owner_key_id, owner_workspace_id, status, body, previous_response_id, conversation_id, producer_provider, producer_model, runner, lease_until, created_at, updated_at) VALUES ${valuesPlaceholders(1, 13)}`,
            [
              finish.id,
              finish.owner.keyId,
              finish.owner.workspaceId ?? null,
              finish.response.status,
              body,
              finish.previousResponseId,
              finish.conversationId,
              provider,
              model,
              null,
              null,
              finish.createdAt,
              finish.now,
            ],
          );
        } else {
          await executor.run("DELETE FROM response_items WHERE response_id = ?", [finish.id]);
        }
        await insertResponseItems(executor, finish.id, finish.owner, INPUT_KIND, finish.input);
        await insertResponseItems(executor, finish.id, finish.owner, OUTPUT_KIND, output);
        const appendedToConversation =
          finish.conversationId !== null &&
          (await appendToConversation(
            executor,
            finish.owner,
            finish.conversationId,
            [...finish.input, ...output],
            finish.now,
          ));
        return { written: true as const, appendedToConversation };
      });
    },

    async update(owner, id, response, now) {
      requireStatus(response, RUNNING_STATUSES, "update");
      const changed = await database.run(
        `UPDATE responses SET status = ?, body = ?, updated_at = ? WHERE id = ? AND owner_key_id = ? AND status IN ${RUNNING}`,
        [response.status, JSON.stringify(response), now, id, owner.keyId],
      );
      return changed > 0;
    },

    get,

    async delete(owner, id) {
      return database.transaction(async (executor) => {
        const deleted = await executor.run("DELETE FROM responses WHERE id = ? AND owner_key_id = ?", [
          id,
          owner.keyId,
        ]);
        if (deleted === 0) return false;
        await executor.run("DELETE FROM response_items WHERE response_id = ?", [id]);
        await executor.run("DELETE FROM response_events WHERE response_id = ?", [id]);
        return true;
      });
    },

    async listInputItems(owner, id, options) {
      if (!(await exists(database, owner, id))) return undefined;
      return readItemPage(
        database,
        { table: "response_items", scope: `response_id = ? AND kind = ${INPUT_KIND}`, scopeParams: [id] },
        options,
      );
    },

    async readChain(owner, id) {
      const rows = await database.all(CHAIN_QUERY, [id, owner.keyId, owner.keyId]);
      if (rows.length === 0) return undefined;
      const turns: ChainTurn[] = [];
      let turn: ChainTurn | undefined;
      for (const row of rows) {
        const responseId = String(row["response_id"]);
        if (turn?.responseId !== responseId) {
          turn = {
            responseId,
            status: String(row["status"]) as ChainTurn["status"],
            producer: producerOf(row),
            input: [],
            output: [],
          };
          turns.push(turn);
        }
        if (row["i_item_id"] == null) continue;
        (numberOf(row["kind"]) === INPUT_KIND ? turn.input : turn.output).push(itemOf(row, "i_"));
      }
      const oldest = rows[0]!["previous_response_id"];
      return { turns, missingAncestorId: typeof oldest === "string" ? oldest : null };
    },

    async findItems(owner, ids) {
      const found = new Map<string, StoredItem>();
      for (const chunk of chunks([...new Set(ids)], 200)) {
        const list = listPlaceholders(chunk.length);
        const rows = await database.all(
          `SELECT item_id, body, producer_provider, producer_model FROM response_items WHERE owner_key_id = ? AND item_id IN (${list})
           UNION ALL
           SELECT item_id, body, producer_provider, producer_model FROM conversation_items WHERE owner_key_id = ? AND item_id IN (${list})`,
          [owner.keyId, ...chunk, owner.keyId, ...chunk],
        );
        for (const row of rows) {
          const item = itemOf(row);
          const known = found.get(item.id);
          // The copy a model produced carries its producer (for the reasoning rule); it wins over echoes.
          if (known === undefined || (known.producer === null && item.producer !== null))
            found.set(item.id, item);
        }
      }
      return found;
    },

    async appendEvents(id, events) {
      for (const chunk of chunks(events, 100)) {
        await database.run(
          `INSERT INTO response_events (response_id, sequence_number, body) VALUES ${valuesPlaceholders(chunk.length, 3)} ON CONFLICT DO NOTHING`,
          chunk.flatMap((event) => [id, event.sequenceNumber, JSON.stringify(event.event)]),
        );
      }
    },

    async readEvents(owner, id, afterSequence) {
      if (!(await exists(database, owner, id))) return undefined;
      const rows = await database.all(
        "SELECT sequence_number, body FROM response_events WHERE response_id = ? AND sequence_number > ? ORDER BY sequence_number",
        [id, afterSequence],
      );
      return rows.map((row) => ({
        sequenceNumber: numberOf(row["sequence_number"]),
        event: JSON.parse(String(row["body"])) as Record<string, unknown>,
      }));
    },

    async renewLeases(runner, until) {
      return database.run(`UPDATE responses SET lease_until = ? WHERE runner = ? AND status IN ${RUNNING}`, [
        until,
        runner,
      ]);
    },

    async failAbandoned(now, error) {
      const rows = await database.all(
        `SELECT id, body FROM responses WHERE lease_until < ? AND status IN ${RUNNING}`,
        [now],
      );
      const failed: string[] = [];
      for (const row of rows) {
        const response = {
          ...(JSON.parse(String(row["body"])) as ResponseObject),
          status: "failed" as const,
          error,
        };
        // Conditional on the lease still being over: a runner that renewed meanwhile keeps its response.
        const changed = await database.run(
          `UPDATE responses SET status = 'failed', body = ?, runner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_until < ? AND status IN ${RUNNING}`,
          [JSON.stringify(response), now, String(row["id"]), now],
        );
        if (changed > 0) failed.push(String(row["id"]));
      }
      return failed;
    },
  };
}
