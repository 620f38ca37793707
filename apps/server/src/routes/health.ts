import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";

/** `GET /health`: liveness and readiness. 503 while draining, so load balancers stop sending traffic. */
export function healthRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/health",
    authenticated: false,
    async handle(context) {
      const draining = services.isShuttingDown();
      sendJson(context.response, draining ? 503 : 200, {
        status: draining ? "shutting_down" : "ok",
        providers: services.providers.map((registration) => registration.provider.name),
        uptime_seconds: Math.floor((services.clock() - services.startedAt) / 1000),
      });
    },
  };
}
