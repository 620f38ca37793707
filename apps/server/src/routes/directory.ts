import {
  catalogModelSummary,
  configuredProviderNames,
  directoryOffering,
  endpointFilterOf,
  servesEndpoint,
} from "../catalog-view";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";

/**
 * `GET /v1/directory/models`: every offering with prices, context, capabilities and `supported_endpoints`;
 * `?endpoint=responses|chat_completions|messages` keeps the offerings served on that endpoint and the
 * models that have one.
 */
export function directoryModelsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/directory/models",
    authenticated: true,
    async handle(context) {
      const endpoint = endpointFilterOf(context.request.url);
      const configured = configuredProviderNames(services.providers);
      const data = services.router
        .models()
        .map((model) => ({
          ...catalogModelSummary(model),
          providers: model.offerings
            .filter((offering) => servesEndpoint(offering, endpoint))
            .map((offering) => directoryOffering(offering, configured.has(offering.provider))),
        }))
        .filter((model) => endpoint === undefined || model.providers.length > 0);
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}
