import { describe, expect, it } from "vitest";
import { createRouteTable, matchPath, type Route } from "./route-table";

describe("matchPath", () => {
  it.each([
    ["/v1/models", "/v1/models", {}],
    ["/v1/models", "/v1/models/", undefined],
    ["/v1/models/:id*", "/v1/models/gpt-4o", { id: "gpt-4o" }],
    ["/v1/models/:id*", "/v1/models/anthropic/claude-sonnet-4-6", { id: "anthropic/claude-sonnet-4-6" }],
    ["/v1/models/:id*", "/v1/models/anthropic%2Fclaude-sonnet-4-6", { id: "anthropic/claude-sonnet-4-6" }],
    ["/v1/models/:id*", "/v1/models/", undefined],
    ["/v1/models/:id*", "/v1/models/%E0%A4%A", undefined],
    ["/v1/things/:id", "/v1/things/a", { id: "a" }],
    ["/v1/things/:id", "/v1/things/a/b", undefined],
  ])("%s against %s", (pattern, path, expected) => {
    expect(matchPath(pattern, path)).toEqual(expected);
  });
});

describe("createRouteTable", () => {
  const route = (method: Route["method"], path: string): Route => ({
    method,
    path,
    authenticated: false,
    handle: async () => {},
  });
  const lookup = createRouteTable([route("POST", "/v1/chat/completions"), route("GET", "/v1/models/:id*")]);

  it("finds routes, reports the allowed methods for a known path, and misses unknown paths", () => {
    expect(lookup("POST", "/v1/chat/completions")).toMatchObject({ kind: "found", params: {} });
    expect(lookup("GET", "/v1/models/a/b")).toMatchObject({ kind: "found", params: { id: "a/b" } });
    expect(lookup("GET", "/v1/chat/completions")).toEqual({ kind: "wrong-method", allowed: ["POST"] });
    expect(lookup("GET", "/v1/nothing")).toEqual({ kind: "not-found" });
  });
});
