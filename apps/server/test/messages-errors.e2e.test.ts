import { describe, expect, it } from "vitest";
import { anthropicMessageStartFrame } from "./fakes/anthropic-fake";
import { helloFrom } from "./fakes/fake-reply";
import { hangingStream, sseFrame } from "./fakes/fake-upstream";
import { CLIENT_KEY, type Fakes, useSharedHarness } from "./gateway-harness";
import { anthropicClient, readText } from "./messages-client";

const BODY_LIMIT = 64 * 1024;

const harness = useSharedHarness({ file: { limits: { bodyBytes: BODY_LIMIT, pingIntervalMs: 10 } } });

const valid = { model: "deepseek-chat", max_tokens: 64, messages: [{ role: "user", content: "hi" }] };
const json = (value: unknown) => JSON.stringify(value);

interface ErrorCase {
  name: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  status: number;
  type: string;
  message?: RegExp;
}

const cases: ErrorCase[] = [
  { name: "a missing key", headers: {}, status: 401, type: "authentication_error", message: /x-api-key/ },
  {
    name: "a wrong x-api-key",
    headers: { "x-api-key": "ak_wrong" },
    status: 401,
    type: "authentication_error",
  },
  {
    name: "a wrong Bearer key",
    headers: { authorization: "Bearer ak_wrong" },
    status: 401,
    type: "authentication_error",
  },
  { name: "malformed JSON", body: '{"model": "deepseek-chat",', status: 400, type: "invalid_request_error" },
  { name: "an empty body", body: "", status: 400, type: "invalid_request_error" },
  {
    name: "an unknown model",
    body: json({ ...valid, model: "claude-nonexistent-9" }),
    status: 404,
    type: "not_found_error",
    message: /claude-nonexistent-9/,
  },
  {
    name: "a missing max_tokens",
    body: json({ model: valid.model, messages: valid.messages }),
    status: 400,
    type: "invalid_request_error",
    message: /^max_tokens: /,
  },
  {
    name: "a bad content block (translated upstream)",
    body: json({ ...valid, messages: [{ role: "user", content: [{ type: "text" }] }] }),
    status: 400,
    type: "invalid_request_error",
    message: /messages\[0\]\.content/,
  },
  {
    name: "a server tool on a non-Anthropic upstream",
    body: json({ ...valid, tools: [{ type: "web_search_20250305", name: "web_search" }] }),
    status: 400,
    type: "invalid_request_error",
    message: /web_search/,
  },
  {
    name: "an oversized body",
    body: json({ ...valid, messages: [{ role: "user", content: "x".repeat(BODY_LIMIT) }] }),
    status: 413,
    type: "request_too_large",
  },
  {
    name: "count_tokens without a key",
    path: "/v1/messages/count_tokens",
    headers: {},
    body: json({ model: valid.model, messages: valid.messages }),
    status: 401,
    type: "authentication_error",
  },
  {
    name: "count_tokens on an unknown model",
    path: "/v1/messages/count_tokens",
    body: json({ model: "no-such-model", messages: valid.messages }),
    status: 404,
    type: "not_found_error",
  },
];

describe("errors on /v1/messages are Anthropic-shaped", () => {
  it.each(cases)("answers $name with $status $type", async (testCase) => {
    const response = await fetch(`${harness.url}${testCase.path ?? "/v1/messages"}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "anthropic-version": "2023-06-01",
        ...(testCase.headers ?? { "x-api-key": CLIENT_KEY }),
      },
      body: testCase.body ?? json(valid),
    });
    expect(response.status).toBe(testCase.status);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body).toEqual({ type: "error", error: { type: testCase.type, message: expect.any(String) } });
    if (testCase.message) expect(body.error.message).toMatch(testCase.message);
    expect(harness.fakes.deepseek.requests).toHaveLength(0);
  });

  it("raises the SDK's own error classes", async () => {
    const wrongKey = await anthropicClient(harness, "ak_wrong")
      .messages.create(valid as never)
      .catch((error: unknown) => error);
    expect(wrongKey).toMatchObject({ status: 401, error: { error: { type: "authentication_error" } } });
    expect((wrongKey as Error).constructor.name).toBe("AuthenticationError");
  });

  it("reports an upstream rate limit with Anthropic's type once failover is exhausted", async () => {
    // On the OpenAI upstream, which this file uses nowhere else: the rate limit rests its only key.
    const limited = { error: { message: "Rate limit reached", type: "rate_limit_error" } };
    for (let attempt = 0; attempt < 3; attempt++)
      harness.fakes.openai.script((_request, response) => {
        response.writeHead(429, { "content-type": "application/json", "retry-after": "7" });
        response.end(json(limited));
      });
    const response = await fetch(`${harness.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${CLIENT_KEY}` },
      body: json({ ...valid, model: "gpt-4o" }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
  });
});

const chatChunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  sseFrame({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "deepseek-chat",
    choices: [{ index: 0, delta, finish_reason: finish }],
  });

describe("translated Messages streams", () => {
  it("sends ping events while the upstream is silent", async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    harness.fakes.deepseek.script(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chatChunk({ role: "assistant", content: "Hel" }));
      await released;
      response.write(chatChunk({ content: "lo" }, "stop"));
      response.end("data: [DONE]\n\n");
    });
    const response = await fetch(`${harness.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": CLIENT_KEY },
      body: json({ ...valid, stream: true }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // The upstream holds its answer until the gateway has pinged; the test times out otherwise.
    while (!text.includes("event: ping\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain('event: ping\ndata: {"type":"ping"}\n\n');
    expect(text.indexOf("event: ping")).toBeGreaterThan(text.indexOf("event: message_start"));
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
  });

  it("turns an upstream failure mid-stream into an error event the SDK raises", async () => {
    harness.fakes.deepseek.script((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chatChunk({ role: "assistant", content: "Hel" }));
      setTimeout(() => response.destroy(), 20);
    });
    const stream = anthropicClient(harness).messages.stream({ ...valid } as never);
    const failure = await stream.finalMessage().catch((error: unknown) => error);
    expect(failure).toMatchObject({ error: { type: "error", error: { type: expect.any(String) } } });
    await expect
      .poll(() => harness.logLines.find((line) => line["path"] === "/v1/messages"))
      .toMatchObject({ provider: "deepseek", error: expect.anything() });
  });

  it("ends with an error event when the upstream closes before its finish reason", async () => {
    harness.fakes.deepseek.script((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(chatChunk({ role: "assistant", content: "Hel" }));
    });
    const response = await fetch(`${harness.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": CLIENT_KEY },
      body: json({ ...valid, stream: true }),
    });
    const text = await readText(response);
    expect(text).toMatch(
      /event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"[^"]+"\}\}\n\n$/,
    );
    expect(text).not.toContain("message_stop");
  });
});

const anthropicFrames = [anthropicMessageStartFrame("claude-sonnet-4-6")];

const abortCases: { name: string; fake: keyof Fakes; frames: string[]; model: string }[] = [
  {
    name: "translated, DeepSeek",
    fake: "deepseek",
    frames: [chatChunk({ role: "assistant", content: "Hel" })],
    model: "deepseek-chat",
  },
  {
    name: "passed through, Anthropic",
    fake: "anthropic",
    frames: anthropicFrames,
    model: "claude-sonnet-4-6",
  },
];

describe("a Messages client that aborts mid-stream", () => {
  it.each(abortCases)("closes the upstream connection ($name)", async ({ fake, frames, model }) => {
    const upstream = hangingStream(frames);
    harness.fakes[fake].script(upstream.handler);
    const controller = new AbortController();
    const client = anthropicClient(harness);
    const stream = await client.messages.create(
      { model, max_tokens: 64, messages: [{ role: "user", content: "hi" }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: "message_start" });
    controller.abort();
    // Resolves only once the gateway closed its upstream request; the test times out otherwise.
    await upstream.closed;
    await expect
      .poll(() => harness.logLines.find((line) => line["client_aborted"] === true))
      .toMatchObject({ status: 499, path: "/v1/messages" });
    const next = await client.messages.create({
      model: "claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(next.content).toEqual([{ type: "text", text: helloFrom("anthropic") }]);
  });
});
