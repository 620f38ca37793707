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
