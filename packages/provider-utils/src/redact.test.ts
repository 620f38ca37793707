import { describe, expect, it } from "vitest";
import { REDACTED, redactHeaders, redactSecrets, upstreamSecrets } from "./redact";

describe("redactSecrets", () => {
  it.each<[string, string, string]>([
    [
      "an OpenAI key",
      "Incorrect API key provided: sk-proj-abcdEFGH1234.",
      `Incorrect API key provided: ${REDACTED}.`,
    ],
    ["a masked OpenAI key", "key sk-proj-********************1234 is wrong", `key ${REDACTED} is wrong`],
    ["an Anthropic key", "invalid x-api-key sk-ant-api03-AbC_dEf-123", `invalid x-api-key ${REDACTED}`],
    [
      "a Google key",
      "API key AIzaSyA1234567890abcdefghijklmnopqrstu not valid",
      `API key ${REDACTED} not valid`,
    ],
    ["a Switchyard client key", "client ak_live_0123456789", `client ${REDACTED}`],
    [
      "a bearer token",
      "sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload",
      `sent Authorization: Bearer ${REDACTED}`,
    ],
    [
      "a key in a query",
      "GET /v1beta/models?key=abc123&alt=sse",
      `GET /v1beta/models?key=${REDACTED}&alt=sse`,
    ],
    ["an IPv4 address with a port", "connect ECONNREFUSED 10.1.2.3:8443", `connect ECONNREFUSED ${REDACTED}`],
    ["a bracketed IPv6 address", "connect to [fd00::1]:443 failed", `connect to ${REDACTED} failed`],
    ["a bare IPv6 loopback", "listening on ::1 only", `listening on ${REDACTED} only`],
    ["an internal URL", "upstream http://vllm:8000/v1 said no", `upstream ${REDACTED} said no`],
    ["an internal host name", "proxy llm.prod.internal:9000 timed out", `proxy ${REDACTED} timed out`],
    [
      "a host name with a port",
      "pool to internal-db.prod.example:5432 is full",
      `pool to ${REDACTED} is full`,
    ],
    ["a name DNS did not find", "getaddrinfo ENOTFOUND gpu-box", `getaddrinfo ENOTFOUND ${REDACTED}`],
    ["a file URL", "loaded file:///etc/ssl/key.pem", `loaded ${REDACTED}`],
    ["a home path", "at /home/deploy/app/server.js:12:5", `at ${REDACTED}`],
    ["a source file path", "in ./lib/handler.py:88", `in ${REDACTED}`],
    ["a Windows path", "open C:\\srv\\keys\\prod.key failed", `open ${REDACTED} failed`],
    ["Node internals", "at node:internal/process/task_queues:95:5", `at ${REDACTED}`],
    ["engine error text", "RangeError: Maximum call stack size exceeded", "RangeError: internal error"],
    [
      "a property read on undefined",
      "TypeError: Cannot read properties of undefined (reading 'x')",
      "TypeError: internal error",
    ],
  ])("removes %s", (_name, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ["ordinary words", "a risk-free task-1234 at work-item"],
    ["a public documentation link", "read the docs: https://platform.openai.com/docs/guides/error-codes."],
    ["an API path", "Invalid URL (POST /v1/chat/completions)"],
    ["a model id with a version", "models/gemini-2.5-flash is not found for API version v1beta"],
    ["a time of day", "retry after 10:30:00"],
    ["a context length", "This model's maximum context length is 128000 tokens."],
  ])("keeps %s", (_name, text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it("removes the given secrets wherever they appear, even when not key-shaped", () => {
    const secrets = upstreamSecrets("https://llm.example.com:8443/v1", "gemini-upstream");
    expect(redactSecrets("key gemini-upstream at https://llm.example.com:8443/v1/chat", secrets)).toBe(
      `key ${REDACTED} at ${REDACTED}/v1/chat`,
    );
    expect(redactSecrets("host llm.example.com refused", secrets)).toBe(`host ${REDACTED} refused`);
  });

  it("strips credentials from a public URL but keeps its host", () => {
    expect(redactSecrets("see https://user:pw@docs.example.com/x")).toBe("see https://docs.example.com/x");
  });
});

describe("upstreamSecrets", () => {
  it("adds nothing for a relative or empty base URL", () => {
    expect(upstreamSecrets("", "k")).toEqual(["k"]);
    expect(upstreamSecrets("/v1")).toEqual([]);
  });
});

describe("redactHeaders", () => {
  it("redacts values and keeps names", () => {
    expect(redactHeaders({ "x-debug": "from 10.0.0.9:80 with sk-test-abcdefgh" })).toEqual({
      "x-debug": `from ${REDACTED} with ${REDACTED}`,
    });
  });
});
