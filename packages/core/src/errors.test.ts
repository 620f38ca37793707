import { describe, expect, it } from "vitest";
import {
  GatewayError,
  invalidRequest,
  isRetryableStatus,
  modelNotFound,
  operationNotAllowed,
  toGatewayError,
} from "./errors";

describe("GatewayError", () => {
  it("serialises to the OpenAI error shape", () => {
    expect(JSON.parse(JSON.stringify(invalidRequest("messages: is required", "messages")))).toEqual({
      error: {
        message: "messages: is required",
        type: "invalid_request_error",
        param: "messages",
        code: null,
      },
    });
  });

  it("names the field of an operation that is not allowed", () => {
    const error = operationNotAllowed("store", "store: true needs a response store");
    expect(error.toJSON().error).toMatchObject({ code: "operation_not_allowed", param: "store" });
    expect(error.retryable).toBe(false);
  });

  it("lists close matches for an unknown model", () => {
    const error = modelNotFound("gpt-4", ["gpt-4o", "gpt-4.1"]);
    expect(error.status).toBe(404);
    expect(error.code).toBe("model_not_found");
    expect(error.message).toContain("'gpt-4o', 'gpt-4.1'");
  });

  it.each([
    [400, false, "invalid_request_error"],
    [401, false, "authentication_error"],
    [404, false, "not_found_error"],
    [408, true, "timeout_error"],
    [429, true, "rate_limit_error"],
    [500, true, "api_error"],
    [503, true, "overloaded_error"],
    [529, true, "overloaded_error"],
  ])("status %i is retryable=%s with type %s", (status, retryable, type) => {
    expect(isRetryableStatus(status)).toBe(retryable);
    const error = new GatewayError({ status, message: "x" });
    expect(error.retryable).toBe(retryable);
    expect(error.type).toBe(type);
  });

  it("wraps unknown errors as non-retryable 500s", () => {
    const error = toGatewayError(new TypeError("boom"));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(false);
    expect(toGatewayError(error)).toBe(error);
  });
});
