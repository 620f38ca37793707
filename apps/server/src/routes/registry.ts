import { nativePassthrough } from "@switchyard/core";
import { catalogModelSummary, configuredProviderNames } from "../catalog-view";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";

/** `GET /v1/registry/providers`: the configured providers, their protocol and how many models they serve. */
export function registryProvidersRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/registry/providers",
    authenticated: true,
    async handle(context) {
      const models = services.router.models();
      const data = services.providers.map(({ provider, apiKeys }) => ({
        id: provider.name,
        object: "provider",
        protocol: provider.protocol,
        native_responses: nativePassthrough(provider, "openai-responses") !== undefined,
        api_keys: apiKeys.length,
        models: models.filter((model) =>
          model.offerings.some((offering) => offering.provider === provider.name),
        ).length,
      }));
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}

/** `GET /v1/registry/models`: the canonical models of the catalog, with aliases and providers. */
export function registryModelsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/v1/registry/models",
    authenticated: true,
    async handle(context) {
      const configured = configuredProviderNames(services.providers);
      const data = services.router.models().map((model) => ({
        ...catalogModelSummary(model),
        providers: model.offerings.map((offering) => offering.provider),
        available: model.offerings.some((offering) => configured.has(offering.provider)),
      }));
      sendJson(context.response, 200, { object: "list", data });
    },
  };
}
