import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

const messages = [{ role: "user", content: "hi" }];

interface LimitCase {
  name: string;
  path: string;
  body: unknown;
  param: string;
}

const MEGABYTE = 1024 * 1024;
const cases: LimitCase[] = [
  {
    name: "a 1 MB model name",
    path: "/v1/chat/completions",
    body: { model: "m".repeat(MEGABYTE), messages },
    param: "model",
  },
  {
    name: "a 1 MB model name",
    path: "/v1/responses",
    body: { model: "m".repeat(MEGABYTE), input: "hi" },
    param: "model",
  },
  {
    name: "a 1 MB model name",
    path: "/v1/messages",
    body: { model: "m".repeat(MEGABYTE), max_tokens: 16, messages },
    param: "model",
  },
  {
    name: "50,000 unknown gateway.models",
    path: "/v1/chat/completions",
    body: {
      gateway: { models: Array.from({ length: 50_000 }, (_, index) => `no-such-model-${index}`) },
      messages,
    },
    param: "gateway.models",
  },
  {
    name: "a 1 MB gateway.models entry",
    path: "/v1/responses",
    body: { gateway: { models: ["gpt-4o", "m".repeat(MEGABYTE)] }, input: "hi" },
    param: "gateway.models[1]",
  },
  {
    name: "too many tools",
    path: "/v1/chat/completions",
    body: {
      model: "gpt-4o",
      messages,
      tools: Array.from({ length: 513 }, (_, index) => ({
        type: "function",
        function: { name: `f${index}` },
      })),
    },
    param: "tools",
  },
  {
    name: "too many messages",
    path: "/v1/messages",
    body: {
      model: "claude-sonnet-4-6",
      max_tokens: 16,
      messages: Array.from({ length: 100_001 }, () => messages[0]),
    },
    param: "messages",
  },
];

/** A POST on a connection of its own, so a blocked event loop cannot hide behind a pooled socket. */
function post(path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${harness.url}${path}`, {
      method: "POST",
      agent: false,
      headers: {
        authorization: `Bearer ${CLIENT_KEY}`,
        "x-api-key": CLIENT_KEY,
        "content-type": "application/json",
      },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("input limits", () => {
  it.each(cases)("answers $name on $path with a 400 naming $param, before any provider", async (limit) => {
    const { status, text } = await post(limit.path, JSON.stringify(limit.body));
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(1000);
    const body = JSON.parse(text) as { error: { type: string; message: string; param?: string | null } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(
      body.error.message.startsWith(`${limit.param}: must have at most`) ||
        body.error.message.startsWith(`${limit.param}: must be at most`),
    ).toBe(true);
    if (limit.path !== "/v1/messages") expect(body.error.param).toBe(limit.param);
    for (const fake of Object.values(harness.fakes)) expect(fake.requests).toHaveLength(0);
  });

  it("keeps /health answering while 1 MB model names are being rejected", async () => {
    const body = JSON.stringify({ model: "m".repeat(MEGABYTE), messages });
    const hostile = Array.from({ length: 8 }, () => post("/v1/chat/completions", body));
    // A generous sanity bound: a blocked event loop held /health for seconds per hostile request.
    const health = await Promise.race([
      fetch(`${harness.url}/health`).then((response) => response.status),
      new Promise((resolve) => setTimeout(resolve, 5000, "no answer within 5 s")),
    ]);
    expect(health).toBe(200);
    const answers = await Promise.all(hostile);
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(400));
  });

  it("answers an unknown model of the longest accepted name with a bounded 404", async () => {
    const name = "m".repeat(256);
    const { status, text } = await post("/v1/chat/completions", JSON.stringify({ model: name, messages }));
    expect(status).toBe(404);
    expect(text).not.toContain(name);
    expect(text.length).toBeLessThan(1000);
  });
});
