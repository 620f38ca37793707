import {
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  GatewayError,
  nativePassthrough,
} from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";
import { chatSse, collect, useFakeOpenAI } from "./testing/openai-test-server";

const apiKey = "sk-test-0123456789abcdef";
const chat = (fields: Record<string, unknown>): ChatCompletionRequest =>
  ChatCompletionRequestSchema.parse({ messages: [{ role: "user", content: "Hello" }], ...fields });

const completion = {
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1_770_000_000,
  model: "gpt-4o-2024-08-06",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "Hi there.", refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 },
  service_tier: "default",
  system_fingerprint: "fp_1",
};

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
  id: "chatcmpl-2",
  object: "chat.completion.chunk",
  created: 1_770_000_000,
  model: "gpt-4o-2024-08-06",
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  usage: null,
  obfuscation: "abc",
});
const usageChunk = {
  id: "chatcmpl-2",
  object: "chat.completion.chunk",
  created: 1_770_000_000,
  model: "gpt-4o-2024-08-06",
  choices: [],
  usage: { prompt_tokens: 8, completion_tokens: 2, total_tokens: 10 },
};
const streamChunks = [
  chunk({ role: "assistant", content: "" }),
  chunk({ content: "Hi" }),
  chunk({}, "stop"),
  usageChunk,
];

const fake = useFakeOpenAI();

describe("createOpenAIProvider", () => {
  it("is named openai and speaks openai-chat", () => {
    const provider = createOpenAIProvider();
    expect(provider.name).toBe("openai");
    expect(provider.protocol).toBe("openai-chat");
    expect(nativePassthrough(provider, "openai-responses")).toBeTypeOf("function");
    expect(provider.capabilities?.chatForResponsesOnlyModels).toBe(true);
  });
});

describe("chat", () => {
  it("POSTs to /v1/chat/completions with the key and extra headers", async () => {
    fake.answer("/chat/completions", { json: completion });
    const provider = createOpenAIProvider({
      headers: { "openai-organization": "org-1", authorization: "Bearer other" },
    });
    const { response, warnings } = await provider.chat(chat({ model: "gpt-4o" }), { apiKey });
    expect(response).toEqual(completion);
    expect(warnings).toEqual([]);
    const [request] = fake.requests;
    expect(request?.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${apiKey}`,
      "content-type": "application/json",
      "openai-organization": "org-1",
    });
  });

  it("honours a base URL with a trailing slash", async () => {
    fake.answer("/chat/completions", { json: completion });
    const provider = createOpenAIProvider({ baseUrl: "http://localhost:8080/v1/" });
    await provider.chat(chat({ model: "gpt-4o" }), { apiKey });
    expect(fake.requests[0]?.url).toBe("http://localhost:8080/v1/chat/completions");
  });

  it("sends the rewritten body: gateway stripped, reasoning rules applied", async () => {
    fake.answer("/chat/completions", { json: completion });
    const provider = createOpenAIProvider();
    const { warnings } = await provider.chat(
      chat({
        model: "o3",
        max_tokens: 50,
        temperature: 0.3,
        stream_options: { include_usage: true },
        gateway: { routing: { optimize: "cost" } },
      }),
      { apiKey },
    );
    expect(fake.requests[0]?.body).toEqual({
      model: "o3",
      messages: [{ role: "user", content: "Hello" }],
      max_completion_tokens: 50,
    });
    expect(warnings).toEqual([expect.objectContaining({ code: "temperature" })]);
  });

  it.each([
    [
      400,
      false,
      {
        error: {
          message: "Unsupported parameter: 'max_tokens'",
          type: "invalid_request_error",
          param: "max_tokens",
          code: "unsupported_parameter",
        },
      },
      {},
    ],
    [
      401,
      false,
      {
        error: {
          message: `Incorrect API key provided: ${apiKey}.`,
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      },
      {},
    ],
    [
      429,
      true,
      {
        error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" },
      },
      { "retry-after": "3" },
    ],
    [
      500,
      true,
      { error: { message: "The server had an error", type: "server_error", param: null, code: null } },
      {},
    ],
    [
      503,
      true,
      { error: { message: "Engine is overloaded", type: "server_error", param: null, code: null } },
      {},
    ],
  ])("maps HTTP %i to a GatewayError (retryable %s)", async (status, retryable, body, headers) => {
    fake.answer("/chat/completions", { status, json: body, headers });
    const provider = createOpenAIProvider();
    const error = await provider
      .chat(chat({ model: "gpt-4o" }), { apiKey })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    const gatewayError = error as GatewayError;
    expect(gatewayError).toMatchObject({ status, retryable, provider: "openai", code: body.error.code });
    expect(gatewayError.message).not.toContain(apiKey);
    if (status === 429) expect(gatewayError.retryAfterMs).toBe(3000);
    else expect(gatewayError.retryAfterMs).toBeUndefined();
    if (status === 400) expect(gatewayError.param).toBe("max_tokens");
  });

  it("rejects a 2xx body that is not a chat.completion with a retryable 502", async () => {
    fake.answer("/chat/completions", { json: { hello: "world" } });
    const provider = createOpenAIProvider();
    await expect(provider.chat(chat({ model: "gpt-4o" }), { apiKey })).rejects.toMatchObject({
      status: 502,
      retryable: true,
      code: "invalid_upstream_response",
    });
  });

  it("cancels the upstream request when the signal aborts", async () => {
    fake.answer("/chat/completions", { bytes: "", hang: true });
    const provider = createOpenAIProvider();
    const controller = new AbortController();
    const pending = provider.chat(chat({ model: "gpt-4o" }), { apiKey, signal: controller.signal });
    await expect.poll(() => fake.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ status: 499, code: "request_aborted", retryable: false });
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });

  it("does not call upstream when the signal is already aborted", async () => {
    fake.answer("/chat/completions", { json: completion });
    const provider = createOpenAIProvider();
    await expect(
      provider.chat(chat({ model: "gpt-4o" }), { apiKey, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ status: 499 });
    expect(fake.requests).toHaveLength(0);
  });

  it("uses an injected transport", async () => {
    const seen: string[] = [];
    const provider = createOpenAIProvider({
      transport: async (request) => {
        seen.push(`${request.method} ${request.url}`);
        const body = JSON.stringify(completion);
        return {
          status: 200,
          headers: { "content-type": "application/json" },
          body: (async function* () {
            yield new TextEncoder().encode(body);
          })(),
          text: async () => body,
        };
      },
    });
    const { response } = await provider.chat(chat({ model: "gpt-4o" }), { apiKey });
    expect(response.id).toBe("chatcmpl-1");
    expect(seen).toEqual(["POST https://api.openai.com/v1/chat/completions"]);
  });
});

describe("streamChat", () => {
  it("forces include_usage upstream and ends with the usage chunk", async () => {
    fake.answer("/chat/completions", {
      bytes: chatSse(streamChunks),
      pieceSize: 5,
      headers: { "content-type": "text/event-stream" },
    });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "gpt-4o", stream: true }), { apiKey });
    const chunks = await collect(result.chunks);
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(fake.requests[0]?.headers.accept).toBe("text/event-stream");
    expect(chunks).toEqual(streamChunks);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 10 } });
    expect(result.warnings).toEqual([]);
  });

  it("rejects before streaming when the upstream answers an error status", async () => {
    fake.answer("/chat/completions", {
      status: 429,
      json: { error: { message: "Slow down", type: "requests", param: null, code: "rate_limit_exceeded" } },
      headers: { "retry-after-ms": "1500" },
    });
    const provider = createOpenAIProvider();
    await expect(provider.streamChat(chat({ model: "gpt-4o" }), { apiKey })).rejects.toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 1500,
    });
  });

  it("throws a GatewayError for an error object in the middle of the stream", async () => {
    const bytes =
      chatSse([chunk({ role: "assistant", content: "" })], false) +
      `data: ${JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })}\n\n`;
    fake.answer("/chat/completions", { bytes });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "gpt-4o" }), { apiKey });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of result.chunks) seen.push(item);
    })().catch((caught: unknown) => caught);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 500,
      provider: "openai",
      message: "The server had an error while processing your request.",
    });
  });

  it("throws when the stream is cut before the completion finished", async () => {
    fake.answer("/chat/completions", { bytes: chatSse([chunk({ role: "assistant", content: "" })], false) });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "gpt-4o" }), { apiKey });
    await expect(collect(result.chunks)).rejects.toMatchObject({ status: 502, code: "stream_interrupted" });
  });

  it("skips events it cannot read with a warning, and ignores anything after [DONE]", async () => {
    const bytes =
      "data: not json\n\n" +
      `data: ${JSON.stringify({ object: "something.else" })}\n\n` +
      chatSse(streamChunks) +
      `data: ${JSON.stringify(chunk({ content: "late" }))}\n\n`;
    fake.answer("/chat/completions", { bytes });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "gpt-4o" }), { apiKey });
    expect(await collect(result.chunks)).toEqual(streamChunks);
    expect(result.warnings.map((warning) => warning.type)).toEqual(["unknown_event", "unknown_event"]);
  });

  it("cancels the upstream when the signal aborts mid-stream", async () => {
    fake.answer("/chat/completions", {
      bytes: chatSse([chunk({ role: "assistant", content: "" })], false),
      hang: true,
    });
    const provider = createOpenAIProvider();
    const controller = new AbortController();
    const result = await provider.streamChat(chat({ model: "gpt-4o" }), {
      apiKey,
      signal: controller.signal,
    });
    const iterator = result.chunks[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ choices: [{ delta: { role: "assistant" } }] });
    const next = iterator.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ status: 499, code: "request_aborted" });
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });

  it("cancels the upstream when the reader stops early", async () => {
    fake.answer("/chat/completions", { bytes: chatSse(streamChunks, false), hang: true });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "gpt-4o" }), { apiKey });
    for await (const _chunk of result.chunks) break;
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });
});
