import { GatewayError } from "@switchyard/core";
import { transportFailure } from "@switchyard/provider-utils";
import { describe, expect, it } from "vitest";
import { isLocalFault } from "./local-fault";
import { costRoute, failure, scripted, setup, summary } from "./router-test-kit";
import { upstreamError } from "./test-helpers";

/** What a provider made of a stack overflow in its own code before this rule: a retryable 502. */
const wrappedStackOverflow = () =>
  transportFailure(new RangeError("Maximum call stack size exceeded"), { provider: "alpha" });

describe("isLocalFault", () => {
  const networkError = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
  it.each([
    { name: "a stack overflow", error: new RangeError("Maximum call stack size exceeded"), local: true },
    { name: "a provider's 502 around a stack overflow", error: wrappedStackOverflow(), local: true },
    {
      name: "a TypeError from the gateway's code",
      error: new TypeError("x.map is not a function"),
      local: true,
    },
    { name: "a ReferenceError", error: new ReferenceError("y is not defined"), local: true },
    {
      name: "fetch's TypeError around a network error",
      error: new TypeError("fetch failed", { cause: networkError }),
      local: false,
    },
    { name: "a network error", error: transportFailure(networkError, { provider: "alpha" }), local: false },
    { name: "an upstream 500", error: upstreamError(500, "alpha"), local: false },
    { name: "a malformed upstream body", error: new SyntaxError("Unexpected token"), local: false },
    { name: "a string", error: "boom", local: false },
  ])("$name: $local", ({ error, local }) => {
    expect(isLocalFault(error)).toBe(local);
  });
});

describe("a local fault in an attempt", () => {
  it("fails the request with a 500 that names no engine text, and leaves breaker and health alone", async () => {
    const { clock, router } = setup();
    const { attempt, calls } = scripted(clock, {
      alpha: [wrappedStackOverflow(), wrappedStackOverflow(), wrappedStackOverflow()],
    });
    for (let round = 0; round < 3; round++) {
      const error = await failure(router.route(costRoute(), attempt));
      expect(error).toBeInstanceOf(GatewayError);
      expect(error.status).toBe(500);
      expect(error.retryable).toBe(false);
      expect(error.message).not.toContain("call stack");
    }
    // Each hostile request made one attempt and went no further than alpha.
    expect(calls.map((call) => call.provider)).toEqual(["alpha", "alpha", "alpha"]);
    const served = await router.route(costRoute(), attempt);
    expect(served.target.offering.provider).toBe("alpha");
    expect(summary(served.attempts)).toEqual(["alpha:success"]);
  });
});
