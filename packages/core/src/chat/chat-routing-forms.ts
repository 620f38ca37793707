import type { z } from "zod";
import type { GatewayOptions, GatewayRouting } from "../gateway/gateway-options";
import { requireOneModelSource } from "../gateway/gateway-options";

/** The Chat request's routing fields in both documented forms: top-level and under `gateway`. */
interface ChatRoutingForms {
  model?: string | undefined;
  models?: string[] | undefined;
  routing?: GatewayRouting | undefined;
  gateway?: GatewayOptions | undefined;
}

/** The top-level Chat fields that are documented equivalents of a `gateway` field. */
const TOP_LEVEL_FORMS = ["models", "routing"] as const;

/**
 * Checks a Chat request's routing fields: `models` and `routing` at the top level are the documented Chat
 * forms of `gateway.models` and `gateway.routing`, so giving both forms of one is an error naming the
 * top-level field; then exactly one of `model` and a model list. Used as a zod `superRefine`.
 */
export function checkChatRoutingForms(request: ChatRoutingForms, context: z.RefinementCtx): void {
  for (const field of TOP_LEVEL_FORMS) {
    if (request[field] !== undefined && request.gateway?.[field] !== undefined)
      context.addIssue({
        code: "custom",
        path: [field],
        message: `'${field}' and 'gateway.${field}' are the same setting in two forms; send one of them`,
      });
  }
  const models = request.models ?? request.gateway?.models;
  if (request.model !== undefined && request.models !== undefined)
    context.addIssue({
      code: "custom",
      path: ["models"],
      message: "'model' and 'models' are mutually exclusive; send one of them",
    });
  else requireOneModelSource({ model: request.model, gateway: { models } }, context);
}

/**
 * Moves top-level `models` and `routing` into `gateway`, where the router reads them and from where they
 * are removed before any upstream call: a Chat upstream rejects fields it does not know.
 */
export function liftChatRoutingForms<Request extends ChatRoutingForms>(request: Request): Request {
  if (request.models === undefined && request.routing === undefined) return request;
  const { models, routing, ...rest } = request;
  const gateway: GatewayOptions = { ...rest.gateway };
  if (models !== undefined) gateway.models = models;
  if (routing !== undefined) gateway.routing = routing;
  return { ...rest, gateway } as Request;
}
