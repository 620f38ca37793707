import { type ChatCompletionChunk, type ChatCompletionRequest, GatewayError } from "@switchyard/core";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnthropicProvider } from "./anthropic-provider";

const KEY = "sk-ant-test-0123456789abcdef";
const MESSAGES_URL = "https://api.anthropic.com/v1/messages";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request: ChatCompletionRequest = {
  model: "claude-sonnet-4-5-20250929",
  max_tokens: 100,
  messages: [{ role: "user", content: "Hi" }],
  gateway: { routing: { optimize: "cost" } },
};

const message = {
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [{ type: "text", text: "Hello!" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 5, output_tokens: 2 },
};

const sse = (events: Array<Record<string, unknown>>): string =>
  events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");

const streamEvents = [
  {
    type: "message_start",
    message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 5, output_tokens: 1 } },
  },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hel" } },
  { type: "ping" },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "lo!" } },
  { type: "content_block_stop", index: 0 },
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null },
    usage: { output_tokens: 3 },
  },
  { type: "message_stop" },
];

const errorBody = (type: string, text: string) => ({
  type: "error",
  error: { type, message: text },
  request_id: "req_1",
});

async function collect(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("createAnthropicProvider", () => {
  it("names itself and its protocol", () => {
    const provider = createAnthropicProvider();
    expect(provider.name).toBe("anthropic");
    expect(provider.protocol).toBe("anthropic-messages");
  });

  it("posts to /v1/messages with the key, version and JSON headers, and no gateway field", async () => {
    let seen: Request | undefined;
    let body: Record<string, unknown> = {};
    server.use(
      http.post(MESSAGES_URL, async ({ request: upstream }) => {
        seen = upstream;
        body = (await upstream.json()) as Record<string, unknown>;
        return HttpResponse.json(message);
      }),
    );
    const { response } = await createAnthropicProvider().chat(request, { apiKey: KEY });
    expect(seen?.headers.get("x-api-key")).toBe(KEY);
    expect(seen?.headers.get("anthropic-version")).toBe("2023-06-01");
    expect(seen?.headers.get("content-type")).toBe("application/json");
    expect(seen?.headers.get("authorization")).toBeNull();
    expect(seen?.headers.get("anthropic-beta")).toBeNull();
    expect(body).toEqual({
      model: request.model,
      max_tokens: 100,
      messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
    });
    expect(response.choices[0]?.message.content).toBe("Hello!");
    expect(response.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2 });
  });

  it("uses a configured base URL, extra headers and the betas of extensions.anthropic", async () => {
    let seen: Request | undefined;
    server.use(
      http.post("http://localhost:9999/anthropic/v1/messages", ({ request: upstream }) => {
        seen = upstream;
        return HttpResponse.json(message);
      }),
    );
    const provider = createAnthropicProvider({
      baseUrl: "http://localhost:9999/anthropic/",
      headers: { "x-trace": "t1" },
    });
    await provider.chat(
      { ...request, extensions: { anthropic: { betas: ["a-2025", "b-2026"] } } },
      { apiKey: KEY },
    );
    expect(seen?.headers.get("anthropic-beta")).toBe("a-2025,b-2026");
    expect(seen?.headers.get("x-trace")).toBe("t1");
  });

  it("streams Chat chunks ending with a usage chunk", async () => {
    let body: Record<string, unknown> = {};
    server.use(
      http.post(MESSAGES_URL, async ({ request: upstream }) => {
        body = (await upstream.json()) as Record<string, unknown>;
        return new HttpResponse(sse(streamEvents), { headers: { "content-type": "text/event-stream" } });
      }),
    );
    const result = await createAnthropicProvider().streamChat(request, { apiKey: KEY });
    const chunks = await collect(result.chunks);
    expect(body.stream).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe("Hello!");
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    });
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [400, "invalid_request_error", false],
    [401, "authentication_error", false],
    [403, "permission_error", false],
    [429, "rate_limit_error", true],
    [500, "api_error", true],
    [529, "overloaded_error", true],
  ])("maps HTTP %i %s to a GatewayError (retryable: %s)", async (status, type, retryable) => {
    server.use(
      http.post(MESSAGES_URL, () => HttpResponse.json(errorBody(type, `upstream says ${type}`), { status })),
    );
    const error = await rejection(createAnthropicProvider().chat(request, { apiKey: KEY }));
    expect(error).toMatchObject({
      status,
      type,
      code: type,
      retryable,
      provider: "anthropic",
      message: `upstream says ${type}`,
    });
  });

  it("keeps retry-after as retryAfterMs and rejects a stream before any chunk", async () => {
    server.use(
      http.post(MESSAGES_URL, () =>
        HttpResponse.json(errorBody("rate_limit_error", "slow down"), {
          status: 429,
          headers: { "retry-after": "7" },
        }),
      ),
    );
    const error = await rejection(createAnthropicProvider().streamChat(request, { apiKey: KEY }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7000 });
  });

  it("never echoes the API key in an error message", async () => {
    server.use(
      http.post(MESSAGES_URL, () =>
        HttpResponse.json(errorBody("authentication_error", `invalid x-api-key ${KEY}`), { status: 401 }),
      ),
    );
    const error = await rejection(createAnthropicProvider().chat(request, { apiKey: KEY }));
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain("invalid x-api-key");
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
  });

  it("describes a non-JSON error body by its status", async () => {
    server.use(http.post(MESSAGES_URL, () => new HttpResponse("Bad Gateway", { status: 502 })));
    const error = await rejection(createAnthropicProvider().chat(request, { apiKey: KEY }));
    expect(error).toMatchObject({
      status: 502,
      retryable: true,
      message: "Anthropic returned HTTP 502: Bad Gateway",
    });
  });

  it("ends a stream with a GatewayError on an error event after HTTP 200", async () => {
    const events = [
      ...streamEvents.slice(0, 3),
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    ];
    server.use(
      http.post(
        MESSAGES_URL,
        () => new HttpResponse(sse(events), { headers: { "content-type": "text/event-stream" } }),
      ),
    );
    const result = await createAnthropicProvider().streamChat(request, { apiKey: KEY });
    const error = await rejection(collect(result.chunks));
    expect(error).toMatchObject({ status: 529, type: "overloaded_error", retryable: true });
  });

  it("cancels the upstream request when the signal aborts", async () => {
    let reached = false;
    server.use(
      http.post(MESSAGES_URL, async () => {
        reached = true;
        await delay("infinite");
        return HttpResponse.json(message);
      }),
    );
    const controller = new AbortController();
    const pending = createAnthropicProvider().chat(request, { apiKey: KEY, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await rejection(pending);
    expect(reached).toBe(true);
    expect(error).toMatchObject({ status: 499, code: "request_aborted", retryable: false });
  });

  it("reports a malformed success body as a 502", async () => {
    server.use(http.post(MESSAGES_URL, () => HttpResponse.json({ hello: "world" })));
    const error = await rejection(createAnthropicProvider().chat(request, { apiKey: KEY }));
    expect(error).toMatchObject({ status: 502, code: "invalid_upstream_response" });
  });
});
