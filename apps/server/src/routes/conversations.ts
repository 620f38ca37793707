import { parseOrThrow } from "@switchyard/core";
import { bodyReadOptions, hasRequestBody, readJsonBody } from "../read-json-body";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import {
  ConversationCreateSchema,
  ConversationUpdateSchema,
  clientItems,
  conversationObject,
} from "../state/conversation-shape";
import { storedObjectNotFound } from "../state/state-errors";
import { ownerOf, storageForLookup, storageForWrite } from "../state/stored-objects";

/** `POST /v1/conversations`: a new conversation with its first items (up to 20) and metadata. */
export function createConversationRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/conversations",
    authenticated: true,
    async handle(context) {
      // The SDK's `conversations.create()` may send no body at all.
      const body = hasRequestBody(context.request)
        ? await readJsonBody(context.request, bodyReadOptions(services.config.limits))
        : {};
      const request = parseOrThrow(ConversationCreateSchema, body);
      const storage = await storageForWrite(services, "conversation");
      const conversation = await storage.conversations.create({
        id: services.ids("conv"),
        owner: ownerOf(context.identity),
        metadata: request.metadata ?? {},
        items: clientItems(request.items ?? [], services.ids),
        createdAt: services.clock(),
      });
      sendJson(context.response, 200, conversationObject(conversation));
    },
  };
}

/** `GET /v1/conversations/{id}`. */
export function retrieveConversationRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/conversations/:id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const storage = await storageForLookup(services, "Conversation", id);
      const conversation = await storage.conversations.get(ownerOf(context.identity), id);
      if (conversation === undefined) throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, conversationObject(conversation));
    },
  };
}

/** `POST /v1/conversations/{id}`: replaces the metadata. */
export function updateConversationRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/conversations/:id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const request = parseOrThrow(ConversationUpdateSchema, body);
      const storage = await storageForLookup(services, "Conversation", id);
      const conversation = await storage.conversations.updateMetadata(
        ownerOf(context.identity),
        id,
        request.metadata ?? {},
        services.clock(),
      );
      if (conversation === undefined) throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, conversationObject(conversation));
    },
  };
}

/** `DELETE /v1/conversations/{id}`: `{id, object: "conversation.deleted", deleted: true}`. */
export function deleteConversationRoute(services: ServerServices): Route {
  return {
    method: "DELETE",
    path: "/v1/conversations/:id",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const storage = await storageForLookup(services, "Conversation", id);
      if (!(await storage.conversations.delete(ownerOf(context.identity), id)))
        throw storedObjectNotFound("Conversation", id);
      sendJson(context.response, 200, { id, object: "conversation.deleted", deleted: true });
    },
  };
}
