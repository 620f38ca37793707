import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createAuthenticator } from "./auth";

const authenticator = createAuthenticator([
  { key: "ak_alpha", name: "alpha" },
  { key: "ak_beta", name: "beta" },
]);

describe("createAuthenticator", () => {
  it("identifies each key by name and a hash-derived id that does not contain the key", () => {
    const alpha = authenticator.authenticate("Bearer ak_alpha");
    const beta = authenticator.authenticate("bearer  ak_beta ");
    expect(alpha).toMatchObject({ name: "alpha", authenticated: true });
    expect(beta).toMatchObject({ name: "beta", authenticated: true });
    expect(alpha.id).toMatch(/^key_[0-9a-f]{12}$/);
    expect(alpha.id).not.toBe(beta.id);
    expect(alpha.id).not.toContain("alpha");
  });

  it.each([
    ["a missing header", undefined, "missing_api_key"],
    ["an empty header", "", "missing_api_key"],
    ["a non-Bearer scheme", "Basic YWs6eA==", "invalid_api_key"],
    ["a wrong key", "Bearer ak_gamma", "invalid_api_key"],
    ["a prefix of a key", "Bearer ak_alph", "invalid_api_key"],
  ])("rejects %s with a 401", (_name, header, code) => {
    let thrown: unknown;
    try {
      authenticator.authenticate(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GatewayError);
    expect(thrown).toMatchObject({ status: 401, type: "authentication_error", code });
    expect((thrown as Error).message).not.toContain("ak_gamma");
  });

  it("gives the same identity to a key seen again, and still rejects near misses of a seen key", () => {
    const fresh = createAuthenticator([{ key: "ak_alpha", name: "alpha" }]);
    const first = fresh.authenticate("Bearer ak_alpha");
    expect(fresh.authenticate("Bearer ak_alpha")).toEqual(first);
    for (const guess of ["ak_alph", "ak_alphaa", "AK_ALPHA", "ak_beta"])
      expect(() => fresh.authenticate(`Bearer ${guess}`)).toThrow(GatewayError);
    expect(fresh.authenticateCredentials({ apiKey: "ak_alpha" })).toEqual(first);
  });

  it("lets every request through as anonymous when no keys are configured", () => {
    const open = createAuthenticator([]);
    expect(open.required).toBe(false);
    expect(open.authenticate(undefined)).toEqual({
      id: "anonymous",
      name: "anonymous",
      authenticated: false,
    });
  });
});

describe("authenticateCredentials (x-api-key or Authorization: Bearer)", () => {
  it.each([
    ["x-api-key alone", { apiKey: "ak_alpha" }],
    ["Bearer alone", { authorization: "Bearer ak_alpha" }],
    ["a valid x-api-key beside a wrong Bearer", { apiKey: "ak_alpha", authorization: "Bearer ak_gamma" }],
    ["a valid Bearer beside a wrong x-api-key", { apiKey: "ak_gamma", authorization: "Bearer ak_alpha" }],
  ])("accepts %s", (_name, credentials) => {
    expect(authenticator.authenticateCredentials(credentials)).toMatchObject({
      name: "alpha",
      authenticated: true,
    });
  });

  it.each([
    ["no credentials", {}, "missing_api_key"],
    ["an empty x-api-key", { apiKey: " " }, "missing_api_key"],
    ["a wrong x-api-key", { apiKey: "ak_gamma" }, "invalid_api_key"],
    ["a non-Bearer Authorization", { authorization: "Basic YWs6eA==" }, "invalid_api_key"],
    ["two wrong keys", { apiKey: "ak_gamma", authorization: "Bearer ak_delta" }, "invalid_api_key"],
  ])("rejects %s with a 401", (_name, credentials, code) => {
    let thrown: unknown;
    try {
      authenticator.authenticateCredentials(credentials);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 401, type: "authentication_error", code });
    expect((thrown as Error).message).not.toContain("ak_gamma");
  });
});
