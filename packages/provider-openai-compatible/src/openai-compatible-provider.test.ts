import { createSequentialIdGenerator, GatewayError } from "@switchyard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOpenAICompatibleProvider } from "./openai-compatible-provider";

const server = setupServer();
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const completion = {
  id: "c1",
  object: "chat.completion",
  created: 1,
  model: "mistral-small-latest",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "oIyCCMTWr", function: { name: "weather", arguments: { city: "Paris" } } }],
      },
      finish_reason: "tool_calls",
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
};

const mistral = () =>
  createOpenAICompatibleProvider({
    name: "mistral",
    baseUrl: "https://mistral.test/v1/",
    preset: "mistral",
    ids: createSequentialIdGenerator(),
    headers: { "x-extra": "1" },
  });

describe("createOpenAICompatibleProvider over HTTP", () => {
  it("posts to {baseUrl}/chat/completions with Bearer auth, filtered fields and rewritten ids", async () => {
    let seen: { url: string; headers: Headers; body: Record<string, unknown> } | undefined;
    server.use(
      http.post("https://mistral.test/v1/chat/completions", async ({ request }) => {
        seen = {
          url: request.url,
          headers: request.headers,
          body: (await request.json()) as Record<string, unknown>,
        };
        return HttpResponse.json(completion);
      }),
    );
    const result = await mistral().chat(
      {
        model: "mistral-small-latest",
        messages: [
          { role: "user", content: "Weather?" },
          {
            role: "assistant",
            content: null,
            tool_calls: [
              { id: "call_abc123", type: "function", function: { name: "weather", arguments: "{}" } },
            ],
          },
          { role: "tool", tool_call_id: "call_abc123", content: "18C" },
        ],
        logprobs: true,
        gateway: { metadata: { tags: ["t"] } },
      },
      { apiKey: "sk-test" },
    );
    expect(seen?.headers.get("authorization")).toBe("Bearer sk-test");
    expect(seen?.headers.get("x-extra")).toBe("1");
    expect(seen?.body).not.toHaveProperty("logprobs");
    expect(seen?.body).not.toHaveProperty("gateway");
    expect(seen?.body["stream"]).toBe(false);
    expect((seen!.body["messages"] as Array<{ tool_call_id?: string }>)[2]!.tool_call_id).toBe("oIyCCMTWr");
    expect(result.warnings.map((warning) => warning.code)).toEqual(["logprobs"]);
    // The id Mistral answers with is mapped back to the client's; object arguments become a string.
    expect(result.response.choices[0]!.message.tool_calls).toEqual([
      { id: "call_abc123", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
    ]);
  });

  it("maps a 429 to a retryable GatewayError that keeps retry-after", async () => {
    server.use(
      http.post("https://mistral.test/v1/chat/completions", () =>
        HttpResponse.json(
          { object: "error", message: "Rate limit exceeded", type: "rate_limited", code: "1300" },
          { status: 429, headers: { "retry-after": "3" } },
        ),
      ),
    );
    const error = await mistral()
      .chat({ model: "m", messages: [{ role: "user", content: "x" }] }, { apiKey: "k" })
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 3000,
      code: "1300",
      provider: "mistral",
      message: "Rate limit exceeded",
    });
  });

  it("maps a 400 to a non-retryable error", async () => {
    server.use(
      http.post("https://mistral.test/v1/chat/completions", () =>
        HttpResponse.json(
          { error: { message: "bad", type: "invalid_request_error", param: "messages", code: null } },
          { status: 400 },
        ),
      ),
    );
    const error = await mistral()
      .chat({ model: "m", messages: [{ role: "user", content: "x" }] }, { apiKey: "k" })
      .catch((thrown) => thrown);
    expect(error).toMatchObject({
      status: 400,
      retryable: false,
      param: "messages",
      type: "invalid_request_error",
    });
  });

  it("streams chunks and sends no key to a local server without one", async () => {
    let authorization: string | null = "unset";
    let body: Record<string, unknown> = {};
    server.use(
      http.post("http://ollama.test/v1/chat/completions", async ({ request }) => {
        authorization = request.headers.get("authorization");
        body = (await request.json()) as Record<string, unknown>;
        const sse =
          'data: {"id":"o","object":"chat.completion.chunk","created":1,"model":"llama3.2","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}\n\n' +
          'data: {"id":"o","object":"chat.completion.chunk","created":1,"model":"llama3.2","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n' +
          'data: {"id":"o","object":"chat.completion.chunk","created":1,"model":"llama3.2","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}\n\ndata: [DONE]\n\n';
        return new HttpResponse(sse, { headers: { "content-type": "text/event-stream" } });
      }),
    );
    const provider = createOpenAICompatibleProvider({
      name: "ollama",
      baseUrl: "http://ollama.test/v1",
      preset: "ollama",
    });
    const result = await provider.streamChat(
      { model: "llama3.2", messages: [{ role: "user", content: "Hi" }] },
      { apiKey: "" },
    );
    const chunks = [];
    for await (const chunk of result.chunks) chunks.push(chunk);
    expect(authorization).toBeNull();
    expect(body["stream_options"]).toEqual({ include_usage: true });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? null)).toEqual(["Hi", null, null]);
    expect(chunks.at(-1)?.usage).toMatchObject({ total_tokens: 4 });
  });

  it("rejects a stream request whose HTTP status is an error, before any chunk", async () => {
    server.use(
      http.post("http://ollama.test/v1/chat/completions", () =>
        HttpResponse.json({ error: "model not found" }, { status: 404 }),
      ),
    );
    const provider = createOpenAICompatibleProvider({
      name: "ollama",
      baseUrl: "http://ollama.test/v1",
      preset: "ollama",
    });
    await expect(
      provider.streamChat({ model: "nope", messages: [{ role: "user", content: "x" }] }, { apiKey: "" }),
    ).rejects.toMatchObject({
      status: 404,
      message: "model not found",
      retryable: false,
    });
  });

  it("turns an aborted request into a non-retryable 499", async () => {
    server.use(
      http.post("https://mistral.test/v1/chat/completions", async () => new Promise<never>(() => {})),
    );
    const controller = new AbortController();
    const pending = mistral().chat(
      { model: "m", messages: [{ role: "user", content: "x" }] },
      { apiKey: "k", signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ status: 499, retryable: false, code: "request_aborted" });
  });
});
