import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { openAIHttpError, openAIStreamError, openAITransportError } from "./openai-errors";

const errorBody = (message: string, type: string, code: string | null = null, param: string | null = null) =>
  JSON.stringify({ error: { message, type, param, code } });

describe("openAIHttpError", () => {
  it.each([
    [400, false, "invalid_request_error"],
    [401, false, "authentication_error"],
    [403, false, "permission_error"],
    [404, false, "not_found_error"],
    [408, true, "timeout_error"],
    [409, true, "api_error"],
    [429, true, "rate_limit_error"],
    [500, true, "api_error"],
    [502, true, "api_error"],
    [503, true, "overloaded_error"],
    [504, true, "timeout_error"],
  ])("maps HTTP %i to retryable=%s, type %s", (status, retryable, type) => {
    const error = openAIHttpError({
      status,
      headers: {},
      body: errorBody("upstream says no", "server_error"),
    });
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status, retryable, type, provider: "openai", message: "upstream says no" });
  });

  it("keeps OpenAI's param and code", () => {
    const error = openAIHttpError({
      status: 400,
      headers: {},
      body: errorBody(
        "Unsupported parameter: 'max_tokens'",
        "invalid_request_error",
        "unsupported_parameter",
        "max_tokens",
      ),
    });
    expect(error).toMatchObject({ param: "max_tokens", code: "unsupported_parameter", retryable: false });
  });

  it("quotes a body that is not an OpenAI error", () => {
    const error = openAIHttpError({ status: 502, headers: {}, body: "<html>Bad gateway</html>" });
    expect(error.message).toBe("OpenAI returned HTTP 502: <html>Bad gateway</html>");
    expect(error.code).toBeNull();
  });

  it("never echoes the key, masked or whole", () => {
    const apiKey = "sk-proj-abcdefghijklmnop1234";
    const error = openAIHttpError({
      status: 401,
      headers: {},
      body: errorBody(
        `Incorrect API key provided: sk-proj-********************1234. Also ${apiKey}.`,
        "invalid_request_error",
        "invalid_api_key",
      ),
      apiKey,
    });
    expect(error.message).not.toContain(apiKey);
    expect(error.message).not.toContain("1234");
    expect(error.message).toContain("Incorrect API key provided: [redacted]");
  });

  it("carries retry-after-ms, then retry-after in seconds, as retryAfterMs", () => {
    const body = errorBody("Rate limit reached", "requests", "rate_limit_exceeded");
    expect(openAIHttpError({ status: 429, headers: { "retry-after": "2" }, body }).retryAfterMs).toBe(2000);
    expect(
      openAIHttpError({ status: 429, headers: { "retry-after": "2", "retry-after-ms": "350" }, body })
        .retryAfterMs,
    ).toBe(350);
    expect(openAIHttpError({ status: 429, headers: {}, body }).retryAfterMs).toBeUndefined();
  });
});

describe("openAIStreamError", () => {
  it.each([
    ["server_error", null, 500, true],
    ["invalid_request_error", "context_length_exceeded", 400, false],
    ["tokens", "rate_limit_exceeded", 429, true],
    ["insufficient_quota", "insufficient_quota", 429, true],
  ])("maps type %s / code %s to %i", (type, code, status, retryable) => {
    const error = openAIStreamError({ message: "boom", type, code, param: null });
    expect(error).toMatchObject({ status, retryable, code, message: "boom", provider: "openai" });
  });
});

describe("openAITransportError", () => {
  it("makes a cancelled request a non-retryable 499", () => {
    const controller = new AbortController();
    controller.abort();
    const error = openAITransportError(new DOMException("aborted", "AbortError"), controller.signal);
    expect(error).toMatchObject({ status: 499, retryable: false, code: "request_aborted" });
  });

  it("makes a connection failure a retryable 502 that says what failed, not where", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:8443"), { code: "ECONNREFUSED" });
    const error = openAITransportError(new TypeError("fetch failed", { cause }));
    expect(error).toMatchObject({ status: 502, retryable: true, code: "upstream_unreachable" });
    expect(error.message).toBe("Could not reach OpenAI: the connection was refused.");
  });

  it("passes a GatewayError through", () => {
    const original = new GatewayError({ status: 418, message: "teapot" });
    expect(openAITransportError(original)).toBe(original);
  });
});
