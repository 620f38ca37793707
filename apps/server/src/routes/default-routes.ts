import type { Route } from "../route-table";
import type { ServerServices } from "../server-services";
import { chatCompletionsRoute } from "./chat-completions";
import {
  createConversationItemsRoute,
  deleteConversationItemRoute,
  listConversationItemsRoute,
  retrieveConversationItemRoute,
} from "./conversation-items";
import {
  createConversationRoute,
  deleteConversationRoute,
  retrieveConversationRoute,
  updateConversationRoute,
} from "./conversations";
import { directoryModelsRoute } from "./directory";
import { healthRoute } from "./health";
import { meRoute } from "./me";
import { messagesRoute } from "./messages";
import { messagesCountTokensRoute } from "./messages-count-tokens";
import { metricsRoute } from "./metrics";
import { listModelsRoute, retrieveModelRoute } from "./models";
import { registryModelsRoute, registryProvidersRoute } from "./registry";
import { responsesRoute } from "./responses";
import { cancelResponseRoute } from "./responses-cancel";
import { compactResponsesRoute } from "./responses-compact";
import { responseInputItemsRoute } from "./responses-input-items";
import { responsesInputTokensRoute } from "./responses-input-tokens";
import { deleteResponseRoute, retrieveResponseRoute } from "./responses-retrieve";

/**
 * The built-in route modules. Each is self-contained; a new endpoint is one more
 * module added here or passed to `createServer({ routes })`.
 */
export function defaultRoutes(services: ServerServices): Route[] {
  return [
    chatCompletionsRoute(services),
    responsesRoute(services),
    responsesInputTokensRoute(services),
    compactResponsesRoute(services),
    retrieveResponseRoute(services),
    deleteResponseRoute(services),
    responseInputItemsRoute(services),
    cancelResponseRoute(services),
    createConversationRoute(services),
    retrieveConversationRoute(services),
    updateConversationRoute(services),
    deleteConversationRoute(services),
    listConversationItemsRoute(services),
    createConversationItemsRoute(services),
    retrieveConversationItemRoute(services),
    deleteConversationItemRoute(services),
    messagesRoute(services),
    messagesCountTokensRoute(services),
    listModelsRoute(services),
    retrieveModelRoute(services),
    registryProvidersRoute(services),
    registryModelsRoute(services),
    directoryModelsRoute(services),
    meRoute(),
    healthRoute(services),
    metricsRoute(services),
  ];
}
