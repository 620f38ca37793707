import type { GatewayError } from "@switchyard/core";
import type { RequestContext } from "./request-context";

/** An error as a route's protocol writes it: status and JSON body. */
export interface RenderedError {
  status: number;
  body: unknown;
}

/** The HTTP methods routes use. */
export type RouteMethod = "GET" | "POST" | "DELETE";

/**
 * One route module: method, path pattern and handler. Patterns are literal segments plus `:name` (one
 * segment) or a final `:name*` (the rest of the path, slashes included, at least one segment).
 */
export interface Route {
  method: RouteMethod;
  path: string;
  /** Whether a client key is required (when the server has keys configured). */
  authenticated: boolean;
  /** Whether the key may also come in `x-api-key` (Anthropic's convention) besides `Authorization: Bearer`. */
  acceptsApiKeyHeader?: boolean;
  /**
   * Renders this route's errors (authentication and body errors included) in its protocol's shape; OpenAI's
   * `{"error":{...}}` when absent.
   */
  renderError?(error: GatewayError): RenderedError;
  handle(context: RequestContext): Promise<void>;
}

/** The result of looking a request up in the table. */
export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: RouteMethod[] }
  | { kind: "not-found" };

/** Matches a path against a pattern; returns the decoded parameters or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternSegments = pattern.split("/").slice(1);
  const pathSegments = path.split("/").slice(1);
  const params: Record<string, string> = {};
  for (let index = 0; index < patternSegments.length; index++) {
    const segment = patternSegments[index]!;
    if (segment.startsWith(":") && segment.endsWith("*")) {
      const rest = pathSegments.slice(index);
      if (rest.length === 0 || rest.every((part) => part === "")) return undefined;
      const value = safeDecode(rest.join("/"));
      if (value === undefined) return undefined;
      params[segment.slice(1, -1)] = value;
      return params;
    }
    const actual = pathSegments[index];
    if (actual === undefined) return undefined;
    if (segment.startsWith(":")) {
      const value = safeDecode(actual);
      if (actual === "" || value === undefined) return undefined;
      params[segment.slice(1)] = value;
    } else if (segment !== actual) return undefined;
  }
  return pathSegments.length === patternSegments.length ? params : undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A route table: first match wins; a path known under another method gives `wrong-method`. */
export function createRouteTable(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  return (method, path) => {
    const allowed: RouteMethod[] = [];
    for (const route of routes) {
      const params = matchPath(route.path, path);
      if (params === undefined) continue;
      if (route.method === method) return { kind: "found", route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "not-found" };
  };
}
