import type { Route } from "../route-table";
import type { ServerServices } from "../server-services";

/** `GET /metrics`: Prometheus text exposition of this server's registry. */
export function metricsRoute(services: ServerServices): Route {
  return {
    method: "GET",
    path: "/metrics",
    authenticated: false,
    async handle(context) {
      const text = await services.metrics.render();
      context.response.writeHead(200, {
        "content-type": services.metrics.contentType,
        "content-length": String(Buffer.byteLength(text)),
      });
      context.response.end(text);
    },
  };
}
