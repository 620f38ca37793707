import { GatewayError, type HttpTransport, type TransportRequest } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { getJson } from "./get-json";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A transport answering every request with `status` and `text`, recording what it was asked. */
function answering(status: number, text: string, seen: TransportRequest[] = []): HttpTransport {
  return async (request) => {
    seen.push(request);
    return {
      status,
      headers: { "content-type": "application/json" },
      body: (async function* () {
        yield bytes(text);
      })(),
      text: async () => text,
    };
  };
}

const connection = (transport: HttpTransport) => ({
  provider: "acme",
  displayName: "Acme",
  baseUrl: "https://api.acme.test/v1/",
  transport,
});

const readError = (answer: { status: number; body: string }) => ({
  status: answer.status,
  type: "api_error",
  message: `acme said ${answer.body}`,
});

describe("getJson", () => {
  it("GETs the path on the base URL with the headers given and parses the answer", async () => {
    const seen: TransportRequest[] = [];
    const ids = await getJson(connection(answering(200, '{"data":[{"id":"a"}]}', seen)), {
      path: "/models",
      headers: { authorization: "Bearer sk-1" },
      apiKey: "sk-1",
      readError,
      parse: (body) => (body as { data: { id: string }[] }).data.map((model) => model.id),
    });
    expect(ids).toEqual(["a"]);
    expect(seen.map(({ method, url, headers }) => ({ method, url, headers }))).toEqual([
      { method: "GET", url: "https://api.acme.test/v1/models", headers: { authorization: "Bearer sk-1" } },
    ]);
  });

  it("turns a non-2xx answer into the provider's error, the key redacted", async () => {
    const failure = getJson(connection(answering(401, "bad key sk-secret")), {
      path: "/models",
      headers: {},
      apiKey: "sk-secret",
      readError,
      parse: (body) => body,
    });
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(failure).rejects.toMatchObject({ status: 401 });
    await expect(failure).rejects.not.toHaveProperty("message", expect.stringContaining("sk-secret"));
  });

  it("answers a body of the wrong shape with a retryable 502 invalid_upstream_response", async () => {
    const failure = getJson(connection(answering(200, '{"models":"none"}')), {
      path: "/models",
      headers: {},
      readError,
      parse: (body) => {
        if (!Array.isArray((body as { data?: unknown }).data)) throw new Error("no data");
        return body;
      },
    });
    await expect(failure).rejects.toMatchObject({
      status: 502,
      code: "invalid_upstream_response",
      retryable: true,
    });
  });
});
