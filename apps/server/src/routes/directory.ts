import { catalogModelSummary, configuredProviderNames, directoryOffering } from "../catalog-view";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";

/** `GET /v1/directory/models`: every offering with prices, context, capabilities and `supported_endpoints`. */
export function directoryModelsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/directory/models",
    authenticated: true,
    async handle(context) {
      const configured = configuredProviderNames(services.providers);
      const data = services.router.models().map((model) => ({
        ...catalogModelSummary(model),
        providers: model.offerings.map((offering) =>
          directoryOffering(offering, configured.has(offering.provider)),
        ),
      }));
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}
