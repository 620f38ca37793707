import { GatewayError, invalidRequest, modelNotFound } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { toMessagesError } from "./messages-errors";

describe("toMessagesError", () => {
  it.each([
    [
      invalidRequest("max_tokens: is required", "max_tokens"),
      400,
      "invalid_request_error",
      "max_tokens: is required",
    ],
    [new GatewayError({ status: 401, message: "bad key" }), 401, "authentication_error", "bad key"],
    [modelNotFound("claude-x"), 404, "not_found_error", undefined],
    [new GatewayError({ status: 413, message: "too large" }), 413, "request_too_large", "too large"],
    [new GatewayError({ status: 429, message: "slow down" }), 429, "rate_limit_error", "slow down"],
    [new GatewayError({ status: 529, message: "busy" }), 529, "overloaded_error", "busy"],
    [new TypeError("boom"), 500, "api_error", "boom"],
  ])("maps %s", (error, status, type, message) => {
    const mapped = toMessagesError(error);
    expect(mapped.status).toBe(status);
    expect(mapped.body.type).toBe("error");
    expect(mapped.body.error.type).toBe(type);
    if (message) expect(mapped.body.error.message).toBe(message);
  });

  it("names the parameter when the message does not", () => {
    const error = new GatewayError({ status: 400, message: "expected a string", param: "system" });
    expect(toMessagesError(error).body.error.message).toBe("system: expected a string");
  });
});
