import { invalidRequest } from "@switchyard/core";
import type { Owner, Storage, StoredItem } from "@switchyard/store";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { storedObjectNotFound } from "../state/state-errors";
import { ownerOf, storageForLookup } from "../state/stored-objects";

const RUNNING = new Set(["queued", "in_progress"]);

/** Every input item of a stored response, page by page (a finish rewrites them). */
async function allInputItems(storage: Storage, owner: Owner, id: string): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  for (;;) {
    const after = items.at(-1)?.id;
    const page = await storage.responses.listInputItems(owner, id, {
      limit: 100,
      order: "asc",
      ...(after === undefined ? {} : { after }),
    });
    if (page === undefined) return items;
    items.push(...page.items);
    if (!page.hasMore) return items;
  }
}

/**
 * `POST /v1/responses/{id}/cancel`: stops a background response. On the instance that runs it the
 * upstream call is aborted and the response recorded `cancelled` with the output so far; run elsewhere,
 * it is recorded `cancelled` in the store, that instance stops its upstream call at its next lease renewal,
 * and its final write loses to the cancel. Cancelling an ended response changes nothing and returns it.
 */
export function cancelResponseRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/responses/:id/cancel",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const storage = await storageForLookup(services, "Response", id);
      const owner = ownerOf(context.identity);
      const stored = await storage.responses.get(owner, id);
      if (stored === undefined) throw storedObjectNotFound("Response", id);
      if (stored.response.background !== true)
        throw invalidRequest("Only responses created with background: true can be cancelled.", null);
      if (!RUNNING.has(stored.status)) {
        sendJson(context.response, 200, stored.response);
        return;
      }
      const job = services.state.jobs.get(id);
      if (job !== undefined) {
        job.stop("cancelled");
        await job.done;
      } else {
        const outcome = await storage.responses.finish({
          id,
          owner,
          response: { ...stored.response, status: "cancelled" },
          previousResponseId: stored.previousResponseId,
          conversationId: stored.conversationId,
          producer: stored.producer,
          input: await allInputItems(storage, owner, id),
          createdAt: stored.createdAt,
          now: services.clock(),
        });
        if (!outcome.written) {
          sendJson(context.response, 200, outcome.current.response);
          return;
        }
      }
      const current = await storage.responses.get(owner, id);
      if (current === undefined) throw storedObjectNotFound("Response", id);
      sendJson(context.response, 200, current.response);
    },
  };
}
