import { parseOrThrow } from "@switchyard/core";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { ConversationItemsCreateSchema, clientItems, conversationObject } from "../state/conversation-shape";
import { storedObjectNotFound } from "../state/state-errors";
import { listBody, listOptionsOf, ownerOf, queryOf, storageForLookup } from "../state/stored-objects";

/** `GET /v1/conversations/{id}/items`: a list page (`after`, `limit`, `order`, default `desc`). */
export function listConversationItemsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/conversations/:id/items",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const options = listOptionsOf(queryOf(context));
      const storage = await storageForLookup(services, "Conversation", id);
      const page = await storage.conversations.listItems(ownerOf(context.identity), id, options);
      if (page === undefined) throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, listBody(page));
    },
  };
}

/** `POST /v1/conversations/{id}/items`: appends up to 20 items, answered as the list of what was added. */
export function createConversationItemsRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/conversations/:id/items",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const request = parseOrThrow(ConversationItemsCreateSchema, body);
      const storage = await storageForLookup(services, "Conversation", id);
      const items = clientItems(request.items, services.ids);
      if (!(await storage.conversations.append(ownerOf(context.identity), id, items, services.clock())))
        throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, listBody({ items, hasMore: false }));
    },
  };
}

/** `GET /v1/conversations/{id}/items/{item_id}`. */
export function retrieveConversationItemRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/conversations/:id/items/:item_id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const itemId = context.params["item_id"]!;
      const storage = await storageForLookup(services, "Conversation", id);
      const item = await storage.conversations.getItem(ownerOf(context.identity), id, itemId);
      if (item === undefined) throw storedObjectNotFound("Item", itemId);
      sendJson(context.response, 200, item.item);
    },
  };
}

/** `DELETE /v1/conversations/{id}/items/{item_id}`: removes the item and answers with the conversation. */
export function deleteConversationItemRoute(services: ServerServices): Route {
  return {
    method: "DELETE",
    path: "/v1/conversations/:id/items/:item_id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const itemId = context.params["item_id"]!;
      const storage = await storageForLookup(services, "Conversation", id);
      const owner = ownerOf(context.identity);
      if (!(await storage.conversations.deleteItem(owner, id, itemId, services.clock())))
        throw storedObjectNotFound("Item", itemId);
      const conversation = await storage.conversations.get(owner, id);
      if (conversation === undefined) throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, conversationObject(conversation));
    },
  };
}
