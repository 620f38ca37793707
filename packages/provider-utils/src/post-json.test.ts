import type { HttpTransport, TransportRequest, TransportResponse } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { postJson, type UpstreamConnection } from "./post-json";

const encoder = new TextEncoder();

/** A transport that answers every request with `status`, `headers` and `pieces`, recording requests. */
function fakeTransport(
  status: number,
  pieces: readonly string[],
  headers: Record<string, string> = {},
  failAfter?: Error,
): { transport: HttpTransport; requests: TransportRequest[]; pulled: () => number } {
  const requests: TransportRequest[] = [];
  let pulled = 0;
  const transport: HttpTransport = async (request) => {
    requests.push(request);
    const body = (async function* () {
      for (const piece of pieces) {
        pulled++;
        yield encoder.encode(piece);
      }
      if (failAfter !== undefined) throw failAfter;
    })();
    const response: TransportResponse = {
      status,
      headers,
      body,
      text: async () => {
        let text = "";
        for await (const chunk of body) text += new TextDecoder().decode(chunk);
        return text;
      },
    };
    return response;
  };
  return { transport, requests, pulled: () => pulled };
}

const connection = (
  transport: HttpTransport,
  extra: Partial<UpstreamConnection> = {},
): UpstreamConnection => ({
  provider: "acme",
  displayName: "Acme",
  baseUrl: "http://10.0.0.5:9000/v1/",
  transport,
  clock: () => Date.parse("2026-01-01T00:00:00Z"),
  ...extra,
});

const post = (body: unknown = { hello: "world" }) => ({
  path: "/chat",
  headers: { "content-type": "application/json" },
  body,
  apiKey: "acme-key-123",
  readError: ({ status, body: text }: { status: number; body: string }) => ({ status, message: text }),
});

describe("postJson", () => {
  it("posts the serialised body to the joined URL with the given headers", async () => {
    const fake = fakeTransport(200, ['{"ok":', "true}"]);
    const answer = await postJson(connection(fake.transport), post());
    expect(await answer.json()).toEqual({ ok: true });
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      url: "http://10.0.0.5:9000/v1/chat",
      headers: { "content-type": "application/json" },
      body: '{"hello":"world"}',
    });
  });

  it("turns an error status into a redacted GatewayError with the one retry-after parser", async () => {
    const fake = fakeTransport(429, ["slow down, acme-key-123 at http://10.0.0.5:9000/v1"], {
      "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT",
    });
    await expect(postJson(connection(fake.transport), post())).rejects.toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 3000,
      message: "slow down, [redacted] at [redacted]",
      provider: "acme",
    });
  });

  it("maps a transport failure before the answer without naming the address", async () => {
    const transport: HttpTransport = async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:9000"), { code: "ECONNREFUSED" });
    };
    await expect(postJson(connection(transport), post())).rejects.toMatchObject({
      status: 502,
      code: "upstream_unreachable",
      message: "Could not reach Acme: the connection was refused.",
    });
  });

  it("throws a body it cannot serialise as is: the gateway's input, not an upstream failure", async () => {
    const fake = fakeTransport(200, ["{}"]);
    const circular: Record<string, unknown> = {};
    circular["self"] = circular;
    await expect(postJson(connection(fake.transport), post(circular))).rejects.toBeInstanceOf(TypeError);
    expect(fake.requests).toHaveLength(0);
  });

  it("fails a whole answer over the cap as soon as it passes it", async () => {
    const fake = fakeTransport(200, ["a".repeat(40), "b".repeat(40), "c".repeat(40), "d".repeat(40)]);
    const answer = await postJson(connection(fake.transport, { maxAnswerBytes: 100 }), post());
    await expect(answer.text()).rejects.toMatchObject({ status: 502, code: "upstream_answer_too_large" });
    expect(fake.pulled()).toBe(3);
    expect(answer.signal.aborted).toBe(true);
  });

  it("fails before reading when content-length is over the cap", async () => {
    const fake = fakeTransport(200, ["x".repeat(10)], { "content-length": "5000" });
    const answer = await postJson(connection(fake.transport, { maxAnswerBytes: 100 }), post());
    await expect(answer.text()).rejects.toMatchObject({ code: "upstream_answer_too_large" });
    expect(fake.pulled()).toBe(0);
  });

  it("makes a 2xx body that is not JSON a retryable 502", async () => {
    const fake = fakeTransport(200, ["<html>oops</html>"]);
    const answer = await postJson(connection(fake.transport), post());
    await expect(answer.json()).rejects.toMatchObject({
      status: 502,
      retryable: true,
      code: "invalid_upstream_response",
    });
  });

  it("maps a reset in the middle of a whole answer to a retryable 502", async () => {
    const reset = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const fake = fakeTransport(200, ['{"partial":'], {}, reset);
    const answer = await postJson(connection(fake.transport), post());
    await expect(answer.text()).rejects.toMatchObject({
      status: 502,
      retryable: true,
      code: "upstream_unreachable",
    });
  });

  it("maps a stall in the middle of a stream to a retryable 504 and ends the call", async () => {
    const stall = Object.assign(new Error("Body Timeout Error"), { code: "UND_ERR_BODY_TIMEOUT" });
    const fake = fakeTransport(200, ["data: 1\n\n"], {}, stall);
    const answer = await postJson(connection(fake.transport), post());
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const bytes of answer.body) seen.push(new TextDecoder().decode(bytes));
      })(),
    ).rejects.toMatchObject({ status: 504, code: "upstream_timeout", retryable: true });
    expect(seen).toEqual(["data: 1\n\n"]);
    expect(answer.signal.aborted).toBe(true);
  });

  it("cancels the request when the caller's signal aborts, as a 499", async () => {
    const controller = new AbortController();
    const transport: HttpTransport = (request) =>
      new Promise((_resolve, reject) => {
        request.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const pending = postJson(connection(transport), { ...post(), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ status: 499, retryable: false });
  });
});
