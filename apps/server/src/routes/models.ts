import { modelNotFound } from "@switchyard/core";
import {
  configuredProviderNames,
  endpointFilterOf,
  isPassThroughOnly,
  listedIds,
  modelObject,
  servedOfferings,
} from "../catalog-view";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";

/**
 * `GET /v1/models`: the models at least one configured provider serves (built-in, configured and discovered),
 * each canonical id followed by its dated versions, in OpenAI's list shape;
 * `?endpoint=responses|chat_completions|messages` keeps those served on that endpoint.
 */
export function listModelsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/models",
    authenticated: true,
    async handle(context) {
      const endpoint = endpointFilterOf(context.request.url);
      const created = Math.floor(services.startedAt / 1000);
      const providers = configuredProviderNames(services.providers);
      const data = services.router
        .models()
        .filter((model) => servedOfferings(model, providers, endpoint).length > 0)
        .flatMap((model) =>
          listedIds(model, providers, endpoint).map((id) => modelObject(id, model, created)),
        );
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}

/**
 * `GET /v1/models/{id}`: one model. The id may hold slashes (`anthropic/claude-sonnet-4-6`) and may be an
 * alias or a dated version; the object echoes the id asked for. 404 `model_not_found` when no configured
 * provider serves it, or when the catalog does not know it (`provider/unknown-model` is still served on the
 * completion endpoints, sent upstream as given).
 */
export function retrieveModelRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/models/:id*",
    authenticated: true,
    async handle(context) {
      const id = context.params["id"]!;
      const model = services.router.resolve(id);
      if (
        isPassThroughOnly(model) ||
        servedOfferings(model, configuredProviderNames(services.providers)).length === 0
      )
        throw modelNotFound(id);
      sendJson(context.response, 200, modelObject(id, model, Math.floor(services.startedAt / 1000)));
    },
  };
}
