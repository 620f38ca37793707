import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import {
  answerTooLarge,
  isRetryableUpstreamError,
  malformedAnswer,
  transportFailure,
  upstreamError,
} from "./upstream-errors";

const identity = { provider: "acme", displayName: "Acme" };
const coded = (code: string, message = `${code} 10.9.8.7:443 /srv/app/index.js`) =>
  Object.assign(new Error(message), { code });

describe("transportFailure", () => {
  it.each<[string, unknown, number, string, string]>([
    [
      "a refused connection",
      coded("ECONNREFUSED"),
      502,
      "upstream_unreachable",
      "Could not reach Acme: the connection was refused.",
    ],
    [
      "a reset",
      coded("ECONNRESET"),
      502,
      "upstream_unreachable",
      "Could not reach Acme: the connection was reset.",
    ],
    [
      "fetch's wrapped cause",
      new TypeError("fetch failed", { cause: coded("ENOTFOUND") }),
      502,
      "upstream_unreachable",
      "Could not reach Acme: its host name did not resolve.",
    ],
    [
      "a closed socket",
      coded("UND_ERR_SOCKET"),
      502,
      "upstream_unreachable",
      "Could not reach Acme: the connection closed unexpectedly.",
    ],
    [
      "an unknown failure",
      new Error("Maximum call stack size exceeded"),
      502,
      "upstream_unreachable",
      "Could not reach Acme: the request failed.",
    ],
    [
      "a headers timeout",
      coded("UND_ERR_HEADERS_TIMEOUT"),
      504,
      "upstream_timeout",
      "Acme did not answer in time: no response headers arrived in time.",
    ],
    [
      "a stalled body",
      coded("UND_ERR_BODY_TIMEOUT"),
      504,
      "upstream_timeout",
      "Acme did not answer in time: the answer stalled.",
    ],
    [
      "a TimeoutError",
      new DOMException("signal timed out", "TimeoutError"),
      504,
      "upstream_timeout",
      "Acme did not answer in time: the connection timed out.",
    ],
  ])("maps %s to a retryable %i that says what, never where", (_name, error, status, code, message) => {
    const failure = transportFailure(error, identity);
    expect(failure).toMatchObject({ status, code, message, retryable: true, provider: "acme" });
  });

  it("makes a cancelled request a non-retryable 499", () => {
    const controller = new AbortController();
    controller.abort();
    const failure = transportFailure(coded("ECONNRESET"), { ...identity, signal: controller.signal });
    expect(failure).toMatchObject({ status: 499, code: "request_aborted", retryable: false });
  });

  it("passes a GatewayError through", () => {
    const original = new GatewayError({ status: 418, message: "teapot" });
    expect(transportFailure(original, identity)).toBe(original);
  });
});

describe("upstreamError", () => {
  it("redacts the message, code and param and names the provider, not its address", () => {
    const error = upstreamError(
      { ...identity, secrets: ["k-123456", "http://10.0.0.5:9000"] },
      {
        status: 401,
        message: "bad key k-123456 at http://10.0.0.5:9000/v1",
        code: "k-123456",
        param: "/home/x/y.ts",
      },
    );
    expect(error).toMatchObject({
      status: 401,
      message: "bad key [redacted] at [redacted]",
      code: "[redacted]",
      param: "[redacted]",
      retryable: false,
      provider: "acme",
    });
  });

  it("writes a message when the upstream gave none", () => {
    expect(upstreamError(identity, { status: 503, message: " " }).message).toBe("Acme answered HTTP 503.");
  });

  it("carries retryAfterMs", () => {
    expect(upstreamError(identity, { status: 429, message: "slow down", retryAfterMs: 1200 })).toMatchObject({
      retryable: true,
      retryAfterMs: 1200,
    });
  });
});

describe("isRetryableUpstreamError", () => {
  it.each<[number, number[], boolean]>([
    [400, [], false],
    [401, [], false],
    [404, [], false],
    [408, [], true],
    [409, [], true],
    [425, [], true],
    [429, [], true],
    [500, [], true],
    [529, [], true],
    [200, [529], true],
    [400, [500], true],
    [400, [400], false],
  ])("status %i implying %j is retryable=%s", (status, implied, expected) => {
    expect(isRetryableUpstreamError(status, implied)).toBe(expected);
  });
});

describe("answer errors", () => {
  it("makes an unreadable 2xx answer a retryable 502", () => {
    expect(malformedAnswer(identity, "the body is not JSON")).toMatchObject({
      status: 502,
      code: "invalid_upstream_response",
      retryable: true,
      message: "Acme sent an answer the gateway cannot read: the body is not JSON",
    });
  });

  it("makes an answer over the cap a retryable 502 naming the cap", () => {
    expect(answerTooLarge(identity, 1024)).toMatchObject({
      status: 502,
      code: "upstream_answer_too_large",
      retryable: true,
      message: "Acme sent an answer larger than the gateway's 1024-byte limit for a whole answer.",
    });
  });
});
