import { invalidRequest } from "@switchyard/core";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { storedObjectNotFound } from "../state/state-errors";
import { streamStoredEvents } from "../state/stored-event-stream";
import { ownerOf, queryOf, storageForLookup } from "../state/stored-objects";

/** `starting_after`: a sequence number, or -1 (from the first event) when absent. */
function startingAfterOf(query: URLSearchParams): number {
  const text = query.get("starting_after");
  if (text === null || text === "") return -1;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw invalidRequest(
      "starting_after: expected a non-negative integer (a sequence_number).",
      "starting_after",
    );
  return value;
}

/**
 * `GET /v1/responses/{id}`: the stored Response exactly as the client received it (`include[]` values are
 * accepted; what a response includes was decided when it was created). With `stream=true`, a background
 * response's events after `starting_after`, followed live until it ends.
 */
export function retrieveResponseRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/responses/:id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const storage = await storageForLookup(services, "Response", id);
      const owner = ownerOf(context.identity);
      const query = queryOf(context);
      const stream = query.get("stream");
      if (stream !== null && stream !== "true" && stream !== "false")
        throw invalidRequest("stream: expected true or false.", "stream");
      const stored = await storage.responses.get(owner, id);
      if (stored === undefined) throw storedObjectNotFound("Response", id);
      if (stream !== "true") {
        sendJson(context.response, 200, stored.response);
        return;
      }
      if (stored.response.background !== true)
        throw invalidRequest(
          "stream: only a background response can be streamed again; retrieve this one without stream=true.",
          "stream",
        );
      await streamStoredEvents(services, context, storage, owner, id, startingAfterOf(query));
    },
  };
}

/** `DELETE /v1/responses/{id}`: deletes the response and its items (`{id, object, deleted}`). */
export function deleteResponseRoute(services: ServerServices): Route {
  return {
    method: "DELETE",
    path: "/v1/responses/:id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const storage = await storageForLookup(services, "Response", id);
      const owner = ownerOf(context.identity);
      if ((await storage.responses.get(owner, id)) === undefined) throw storedObjectNotFound("Response", id);
      // A background response still running here is stopped first, so its final write cannot bring it back.
      const job = services.state.jobs.get(id);
      if (job !== undefined) {
        job.stop("cancelled");
        await job.done;
      }
      if (!(await storage.responses.delete(owner, id))) throw storedObjectNotFound("Response", id);
      sendJson(context.response, 200, { id, object: "response", deleted: true });
    },
  };
}
