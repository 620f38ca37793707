import type { Route } from "../route-table";
import { sendJson } from "../send-json";

/** `GET /v1/me`: the calling key's identity (never the key itself). */
export function meRoute(): Route {
  return {
    method: "GET",
    path: "/v1/me",
    authenticated: true,
    async handle(context) {
      const identity = context.identity;
      sendJson(context.response, 200, {
        object: "api_key",
        id: identity?.id ?? "anonymous",
        name: identity?.name ?? "anonymous",
        authenticated: identity?.authenticated ?? false,
      });
    },
  };
}
