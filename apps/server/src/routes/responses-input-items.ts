import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { storedObjectNotFound } from "../state/state-errors";
import { listBody, listOptionsOf, ownerOf, queryOf, storageForLookup } from "../state/stored-objects";

/**
 * `GET /v1/responses/{id}/input_items`: the response's own input items (item references resolved), as a
 * list page: `after`, `limit` (default 20), `order` (default `desc`).
 */
export function responseInputItemsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/responses/:id/input_items",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const options = listOptionsOf(queryOf(context));
      const storage = await storageForLookup(services, "Response", id);
      const page = await storage.responses.listInputItems(ownerOf(context.identity), id, options);
      if (page === undefined) throw storedObjectNotFound("Response", id);
      sendJson(context.response, 200, listBody(page));
    },
  };
}
