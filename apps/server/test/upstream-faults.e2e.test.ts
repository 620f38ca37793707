import type { ServerResponse } from "node:http";
import { createSequentialIdGenerator } from "@switchyard/core";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createGateway } from "../src/create-gateway";
import type { FakeHandler } from "./fakes/fake-upstream";
import { CLIENT_KEY, type Fakes, useSharedHarness } from "./gateway-harness";

// #15 items 4, 6, 9 and 10 end to end: whatever an upstream sends, no key, address, path or internal error
// text reaches a client, whole answers are capped, and a reset, stall or unreadable answer is the same
// retryable failure on every provider and path.

const ANSWER_CAP = 64 * 1024;
const harness = useSharedHarness({
  file: { limits: { upstreamAnswerBytes: ANSWER_CAP, upstreamBodyTimeoutMs: 400 } },
});

/** The upstream keys the harness configures, by fake; none may ever reach a client. */
const UPSTREAM_KEYS: Record<keyof Fakes, string> = {
  openai: "sk-openai-upstream",
  anthropic: "sk-ant-upstream",
  gemini: "gemini-upstream",
  deepseek: "sk-deepseek-upstream",
};
const LEAKED_KEY = "sk-proj-leakedKEY0123456789";
const INTERNAL = [
  "10.20.30.40",
  "/home/deploy/app/server.js",
  "Maximum call stack size exceeded",
  LEAKED_KEY,
];

/**
 * Text full of secrets: the upstream's own key (as a 401 echoes it), a key-shaped token, every fake's
 * address, an internal host, a path and engine error text.
 */
const secretText = (fakes: Fakes, own: keyof Fakes) =>
  [
    `key ${UPSTREAM_KEYS[own]}`,
    `key ${LEAKED_KEY}`,
    ...Object.values(fakes).map((fake) => `at ${fake.url}/v1/x`),
    "proxy 10.20.30.40:8080 said",
    "RangeError: Maximum call stack size exceeded at /home/deploy/app/server.js:12:5",
  ].join("; ");

/** Headers a native path relays (request id, rate limits), stuffed with the same secrets. */
const secretHeaders = (fakes: Fakes, own: keyof Fakes): Record<string, string> => {
  const text = secretText(fakes, own);
  return {
    "request-id": text,
    "anthropic-ratelimit-requests-limit": text,
    "x-ratelimit-limit-requests": text,
    "x-debug-upstream": text,
  };
};

/** Every string the scan must not find: keys, the fakes' addresses and ports, internal hosts and text. */
const forbidden = (fakes: Fakes): string[] => [
  ...Object.values(UPSTREAM_KEYS),
  ...INTERNAL,
  "127.0.0.1",
  ...Object.values(fakes).map((fake) => `:${new URL(fake.url).port}`),
];

const errorBody = (fakes: Fakes, own: keyof Fakes) => {
  const text = secretText(fakes, own);
  return { type: "error", error: { type: "api_error", message: text, code: text, param: text } };
};

const faults: { name: string; handler: (fakes: Fakes, own: keyof Fakes) => FakeHandler }[] = [
  ...[400, 401, 403, 404, 429, 500, 503, 529].map((status) => ({
    name: `HTTP ${status} with secrets in its JSON body and headers`,
    handler:
      (fakes: Fakes, own: keyof Fakes): FakeHandler =>
      (_request, response) => {
        response.writeHead(status, { "content-type": "application/json", ...secretHeaders(fakes, own) });
        response.end(JSON.stringify(errorBody(fakes, own)));
      },
  })),
  {
    name: "HTTP 502 with secrets in an HTML body",
    handler: (fakes, own) => (_request, response) => {
      response.writeHead(502, { "content-type": "text/html", ...secretHeaders(fakes, own) });
      response.end(`<html><body>${secretText(fakes, own)}</body></html>`);
    },
  },
  {
    name: "HTTP 200 with an error body full of secrets",
    handler: (fakes, own) => (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", ...secretHeaders(fakes, own) });
      response.end(JSON.stringify(errorBody(fakes, own)));
    },
  },
  {
    name: "HTTP 200 with a body that is not JSON",
    handler: (fakes, own) => (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", ...secretHeaders(fakes, own) });
      response.end(`not json: ${secretText(fakes, own)}`);
    },
  },
  {
    name: "a reset before any answer",
    handler: () => (_request, response) => {
      response.socket?.destroy();
    },
  },
  {
    name: "a reset in the middle of a whole answer",
    handler: () => (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
      response.write('{"id":"msg_1","type":"message","content":[');
      setTimeout(() => response.socket?.destroy(), 20);
    },
  },
  {
    name: "an answer over the cap",
    handler: () => (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const piece = `"${"x".repeat(16 * 1024)}",`;
      response.write('{"padding":[');
      for (let index = 0; index < 8; index++) response.write(piece);
      response.end('""]}');
    },
  },
];

/** Every provider path a whole answer can take: endpoint, model and the fake behind it. */
const paths: { name: string; path: string; fake: keyof Fakes; body: Record<string, unknown> }[] = [
  { name: "OpenAI Chat", path: "/v1/chat/completions", fake: "openai", body: { model: "gpt-4o" } },
  { name: "OpenAI native Responses", path: "/v1/responses", fake: "openai", body: { model: "gpt-4o" } },
  {
    name: "Anthropic translated",
    path: "/v1/chat/completions",
    fake: "anthropic",
    body: { model: "claude-sonnet-4-6" },
  },
  {
    name: "Anthropic native Messages",
    path: "/v1/messages",
    fake: "anthropic",
    body: { model: "claude-sonnet-4-6" },
  },
  { name: "Gemini", path: "/v1/chat/completions", fake: "gemini", body: { model: "gemini-2.5-flash" } },
  { name: "DeepSeek", path: "/v1/chat/completions", fake: "deepseek", body: { model: "deepseek-chat" } },
  { name: "DeepSeek on Messages", path: "/v1/messages", fake: "deepseek", body: { model: "deepseek-chat" } },
];

const requestBody = (path: string, body: Record<string, unknown>) =>
  path === "/v1/responses"
    ? { input: "hi", ...body }
    : path === "/v1/messages"
      ? { max_tokens: 64, messages: [{ role: "user", content: "hi" }], ...body }
      : { messages: [{ role: "user", content: "hi" }], ...body };

/**
 * Sends one request to a gateway of its own over the shared fakes, so the circuit breaker and key-pool state
 * one fault leaves behind (a retired key after a 401) cannot answer the next test in its place.
 */
async function send(path: string, body: unknown): Promise<{ status: number; headers: string; text: string }> {
  const gateway = createGateway({
    // Without model discovery: its list requests would take the answers a test scripted for the fakes.
    config: { ...harness.config, discovery: { ...harness.config.discovery, enabled: false } },
    logger: pino({ level: "silent" }),
    ids: createSequentialIdGenerator(),
    random: () => 0,
  });
  const { url } = await gateway.listen(0, "127.0.0.1");
  try {
    return await sendTo(url, path, body);
  } finally {
    await gateway.close(1000);
  }
}

async function sendTo(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; headers: string; text: string }> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${CLIENT_KEY}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  return { status: response.status, headers, text };
}

describe("no upstream key, address, path or internal error text reaches a client", () => {
  for (const route of paths) {
    it.each(faults)(`${route.name}: $name`, async (fault) => {
      const fake = harness.fakes[route.fake];
      fake.script(fault.handler(harness.fakes, route.fake), fault.handler(harness.fakes, route.fake));
      const answer = await send(route.path, requestBody(route.path, route.body));
      // Gemini's loose answer schema reads an unknown 200 object as an empty answer; every other fault fails.
      const readAsEmptyAnswer =
        route.fake === "gemini" && fault.name.startsWith("HTTP 200 with an error body");
      expect(answer.status >= 400 || readAsEmptyAnswer).toBe(true);
      for (const secret of forbidden(harness.fakes)) {
        expect(answer.text, `${secret} in the body`).not.toContain(secret);
        expect(answer.headers, `${secret} in a header`).not.toContain(secret);
      }
    });
  }
});

/** Writes the first bytes of a Messages answer and then stays silent (the stall). */
const stallAfterHeaders: FakeHandler = (_request, response: ServerResponse) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
  response.write('{"id":"msg_1",');
};

const resetInWholeAnswer: FakeHandler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "4096" });
  response.write('{"id":"msg_1","type":"message","content":[');
  setTimeout(() => response.socket?.destroy(), 20);
};

describe("native Anthropic passthrough faults are retryable like every other path", () => {
  const messages = (extra: Record<string, unknown> = {}) => ({
    model: "claude-sonnet-4-6",
    max_tokens: 64,
    messages: [{ role: "user", content: "hi" }],
    ...extra,
  });

  it("answers a reset inside a whole answer with a 502", async () => {
    harness.fakes.anthropic.script(resetInWholeAnswer);
    const answer = await send("/v1/messages", messages());
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text)).toMatchObject({ type: "error", error: { type: "api_error" } });
  });

  it("answers a stall inside a whole answer with a 504", async () => {
    harness.fakes.anthropic.script(stallAfterHeaders);
    const answer = await send("/v1/messages", messages());
    expect(answer.status).toBe(504);
  });

  it.each([
    ["a reset", resetInWholeAnswer],
    ["a stall", stallAfterHeaders],
  ])("fails over after %s inside a whole answer", async (_name, handler) => {
    harness.fakes.anthropic.script(handler);
    const answer = await send(
      "/v1/messages",
      messages({ gateway: { models: ["claude-sonnet-4-6", "deepseek-chat"] } }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ type: "message", role: "assistant" });
    expect(harness.fakes.deepseek.requests).toHaveLength(1);
  });
});

describe("one retry policy: an unreadable 2xx answer fails over at every provider", () => {
  const unreadable: FakeHandler = (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end("<html>not an answer</html>");
  };

  it.each([
    ["openai", "gpt-4o"],
    ["anthropic", "claude-sonnet-4-6"],
    ["gemini", "gemini-2.5-flash"],
  ] as const)("%s: the next model serves it", async (fake, model) => {
    harness.fakes[fake].script(unreadable);
    const answer = await send("/v1/chat/completions", {
      messages: [{ role: "user", content: "hi" }],
      gateway: { models: [model, "deepseek-chat"] },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ object: "chat.completion" });
  });
});

describe("whole answers are capped", () => {
  it.each(paths)("$name: an answer over the cap is a 502 that names the cap", async (route) => {
    const fake = harness.fakes[route.fake];
    const oversized = faults
      .find((fault) => fault.name === "an answer over the cap")!
      .handler(harness.fakes, route.fake);
    fake.script(oversized, oversized);
    const answer = await send(route.path, requestBody(route.path, route.body));
    expect(answer.status).toBe(502);
    expect(answer.text).toContain(`${ANSWER_CAP}-byte limit`);
  });
});
