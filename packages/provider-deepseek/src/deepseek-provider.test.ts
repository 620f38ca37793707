import { GatewayError } from "@switchyard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDeepSeekProvider } from "./deepseek-provider";

const server = setupServer();
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const answer = (finishReason: string) => ({
  id: "d1",
  object: "chat.completion",
  created: 1,
  model: "deepseek-v4-pro",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "4", reasoning_content: "2+2" },
      finish_reason: finishReason,
    },
  ],
  usage: {
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    prompt_cache_hit_tokens: 8,
    prompt_cache_miss_tokens: 2,
  },
});

describe("createDeepSeekProvider over HTTP", () => {
  it("calls https://api.deepseek.com/chat/completions with thinking controls and maps usage", async () => {
    let body: Record<string, unknown> = {};
    let authorization: string | null = null;
    server.use(
      http.post("https://api.deepseek.com/chat/completions", async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        authorization = request.headers.get("authorization");
        return HttpResponse.json(answer("stop"));
      }),
    );
    const provider = createDeepSeekProvider();
    expect(provider.name).toBe("deepseek");
    const result = await provider.chat(
      {
        model: "deepseek-v4-pro",
        messages: [{ role: "user", content: "2+2?" }],
        reasoning_effort: "max",
        temperature: 1,
      },
      { apiKey: "sk-ds" },
    );
    expect(authorization).toBe("Bearer sk-ds");
    expect(body).toMatchObject({ thinking: { type: "enabled" }, reasoning_effort: "max", stream: false });
    expect(body).not.toHaveProperty("temperature");
    expect(result.response.choices[0]!.message.reasoning_content).toBe("2+2");
    expect(result.response.usage?.prompt_tokens_details?.cached_tokens).toBe(8);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["temperature"]);
  });

  it("turns insufficient_system_resource into a retryable 503", async () => {
    server.use(
      http.post("https://api.deepseek.com/chat/completions", () =>
        HttpResponse.json(answer("insufficient_system_resource")),
      ),
    );
    const error = await createDeepSeekProvider()
      .chat({ model: "deepseek-chat", messages: [{ role: "user", content: "x" }] }, { apiKey: "k" })
      .catch((thrown) => thrown);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 503,
      retryable: true,
      code: "insufficient_system_resource",
      provider: "deepseek",
    });
  });

  it("maps 402 insufficient balance as not retryable and 503 as retryable", async () => {
    server.use(
      http.post("https://ds.test/chat/completions", () =>
        HttpResponse.json(
          {
            error: {
              message: "Insufficient Balance",
              type: "unknown_error",
              param: null,
              code: "invalid_request_error",
            },
          },
          { status: 402 },
        ),
      ),
    );
    const provider = createDeepSeekProvider({ baseUrl: "https://ds.test" });
    await expect(
      provider.chat({ model: "deepseek-chat", messages: [{ role: "user", content: "x" }] }, { apiKey: "k" }),
    ).rejects.toMatchObject({
      status: 402,
      retryable: false,
      message: "Insufficient Balance",
    });
    server.use(
      http.post("https://ds.test/chat/completions", () =>
        HttpResponse.json({ error: { message: "busy" } }, { status: 503 }),
      ),
    );
    await expect(
      provider.chat({ model: "deepseek-chat", messages: [{ role: "user", content: "x" }] }, { apiKey: "k" }),
    ).rejects.toMatchObject({
      status: 503,
      retryable: true,
    });
  });

  it("streams reasoning, content and a usage chunk", async () => {
    server.use(
      http.post("https://api.deepseek.com/chat/completions", () => {
        const sse =
          'data: {"id":"d","object":"chat.completion.chunk","created":1,"model":"deepseek-v4-pro","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"think"},"finish_reason":null}],"usage":null}\n\n' +
          'data: {"id":"d","object":"chat.completion.chunk","created":1,"model":"deepseek-v4-pro","choices":[{"index":0,"delta":{"content":"4","reasoning_content":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,"prompt_cache_hit_tokens":0}}\n\ndata: [DONE]\n\n';
        return new HttpResponse(sse, { headers: { "content-type": "text/event-stream" } });
      }),
    );
    const result = await createDeepSeekProvider().streamChat(
      { model: "deepseek-v4-pro", messages: [{ role: "user", content: "2+2" }] },
      { apiKey: "k" },
    );
    const chunks = [];
    for await (const chunk of result.chunks) chunks.push(chunk);
    expect(
      chunks.map(
        (chunk) => chunk.choices[0]?.delta.reasoning_content ?? chunk.choices[0]?.delta.content ?? "usage",
      ),
    ).toEqual(["think", "4", "usage"]);
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { total_tokens: 5, prompt_tokens_details: { cached_tokens: 0 } },
    });
  });
});
