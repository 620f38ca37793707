import { directoryOffering } from "../catalog-view";
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
      const configured = new Set(services.providers.map((registration) => registration.provider.name));
      const data = services.router.models().map((model) => ({
        id: model.id,
        object: "model",
        owned_by: model.ownedBy,
        aliases: model.aliases,
        providers: model.offerings.map((offering) =>
          directoryOffering(offering, configured.has(offering.provider)),
        ),
      }));
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}
