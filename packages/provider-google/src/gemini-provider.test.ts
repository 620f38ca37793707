import { type ChatCompletionChunk, createSequentialIdGenerator, GatewayError } from "@switchyard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGoogleProvider } from "./gemini-provider";

const base = "https://generativelanguage.googleapis.com";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Serves every generateContent call under `root` with `answer`, recording what was sent. */
function serve(answer: () => Response, root = base): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.post(`${root}/v1beta/models/*`, async ({ request }) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      seen.push({ url: request.url, headers, body: await request.json() });
      return answer();
    }),
  );
  return seen;
}

const sseResponse = (frames: unknown[]) =>
  new HttpResponse(frames.map((frame) => `data: ${JSON.stringify(frame)}\r\n\r\n`).join(""), {
    headers: { "content-type": "text/event-stream" },
  });

const provider = () =>
  createGoogleProvider({
    ids: createSequentialIdGenerator(),
    clock: () => 1_700_000_000_000,
    headers: { "x-team": "a" },
  });

const request = {
  model: "gemini-2.5-flash",
  messages: [{ role: "user" as const, content: "Hi" }],
  temperature: 0.3,
  user: "someone",
  gateway: { routing: { optimize: "cost" as const } },
};

async function collect(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe("createGoogleProvider", () => {
  it("names itself google and speaks gemini", () => {
    const google = createGoogleProvider();
    expect(google.name).toBe("google");
    expect(google.protocol).toBe("gemini");
    expect(google.native).toBeUndefined();
  });

  it("posts generateContent with the key header and translates the answer", async () => {
    const seen = serve(() =>
      HttpResponse.json({
        candidates: [
          { content: { role: "model", parts: [{ text: "Hello!" }] }, finishReason: "STOP", index: 0 },
        ],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
        modelVersion: "gemini-2.5-flash",
        responseId: "abc",
      }),
    );
    const result = await provider().chat(request, { apiKey: "key-1" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`${base}/v1beta/models/gemini-2.5-flash:generateContent`);
    expect(seen[0]!.headers["x-goog-api-key"]).toBe("key-1");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(seen[0]!.headers["x-team"]).toBe("a");
    expect(seen[0]!.body).toEqual({
      contents: [{ role: "user", parts: [{ text: "Hi" }] }],
      generationConfig: { temperature: 0.3 },
    });
    expect(result.response).toEqual({
      id: "abc",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "gemini-2.5-flash",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
    expect(result.warnings.map((warning) => warning.code)).toEqual(["user"]);
  });

  it("streams from streamGenerateContent?alt=sse and ends with a usage chunk", async () => {
    const seen = serve(() =>
      sseResponse([
        {
          candidates: [{ content: { role: "model", parts: [{ text: "Hel" }] }, index: 0 }],
          responseId: "s1",
        },
        {
          candidates: [
            { content: { role: "model", parts: [{ text: "lo" }] }, finishReason: "STOP", index: 0 },
          ],
          usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 2, totalTokenCount: 5 },
          responseId: "s1",
        },
      ]),
    );
    const result = await provider().streamChat({ ...request, stream: true }, { apiKey: "key-2" });
    const chunks = await collect(result.chunks);
    expect(seen[0]!.url).toBe(`${base}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`);
    expect(seen[0]!.headers["x-goog-api-key"]).toBe("key-2");
    expect(seen[0]!.headers["accept"]).toBe("text/event-stream");
    expect(seen[0]!.body).not.toHaveProperty("stream");
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? null)).toEqual(["Hel", "lo", null, null]);
    expect(chunks[2]!.choices[0]!.finish_reason).toBe("stop");
    expect(chunks[3]).toMatchObject({ id: "s1", choices: [], usage: { total_tokens: 5 } });
    expect(result.warnings.map((warning) => warning.code)).toEqual(["user"]);
  });

  it("rejects a 429 with the RetryInfo delay before any chunk", async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: {
            code: 429,
            message: "Quota exceeded.",
            status: "RESOURCE_EXHAUSTED",
            details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "12.5s" }],
          },
        },
        { status: 429 },
      ),
    );
    const failure = provider().streamChat(request, { apiKey: "k" });
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    const error = (await failure.catch((caught: unknown) => caught)) as GatewayError;
    expect(error).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 12_500,
      provider: "google",
      code: "resource_exhausted",
      type: "rate_limit_error",
    });
  });

  it.each([
    [500, "INTERNAL", true, 500],
    [503, "UNAVAILABLE", true, 503],
    [400, "INVALID_ARGUMENT", false, 400],
    [404, "NOT_FOUND", false, 404],
  ])("maps HTTP %i (%s) with retryable=%s", async (status, googleStatus, retryable, gatewayStatus) => {
    serve(() =>
      HttpResponse.json({ error: { code: status, message: "nope", status: googleStatus } }, { status }),
    );
    const error = (await provider()
      .chat(request, { apiKey: "k" })
      .catch((caught: unknown) => caught)) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect({ status: error.status, retryable: error.retryable, message: error.message }).toEqual({
      status: gatewayStatus,
      retryable,
      message: "nope",
    });
  });

  it("reports an invalid API key as a 401", async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: {
            code: 400,
            message: "API key not valid. Please pass a valid API key.",
            status: "INVALID_ARGUMENT",
            details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID" }],
          },
        },
        { status: 400 },
      ),
    );
    const error = (await provider()
      .chat(request, { apiKey: "bad" })
      .catch((caught: unknown) => caught)) as GatewayError;
    expect({ status: error.status, type: error.type, retryable: error.retryable }).toEqual({
      status: 401,
      type: "authentication_error",
      retryable: false,
    });
  });

  it("falls back to the retry-after header and survives a non-JSON error body", async () => {
    serve(() => new HttpResponse("upstream hiccup", { status: 429, headers: { "retry-after": "7" } }));
    const error = (await provider()
      .chat(request, { apiKey: "k" })
      .catch((caught: unknown) => caught)) as GatewayError;
    expect({ status: error.status, retryAfterMs: error.retryAfterMs, code: error.code }).toEqual({
      status: 429,
      retryAfterMs: 7000,
      code: null,
    });
    expect(error.message).toContain("upstream hiccup");
  });

  it("throws a GatewayError from the chunks when an error frame arrives mid-stream", async () => {
    serve(() =>
      sseResponse([
        { candidates: [{ content: { role: "model", parts: [{ text: "par" }] }, index: 0 }] },
        { error: { code: 500, message: "Internal error encountered.", status: "INTERNAL" } },
      ]),
    );
    const result = await provider().streamChat(request, { apiKey: "k" });
    const seen: ChatCompletionChunk[] = [];
    const failure = (async () => {
      for await (const chunk of result.chunks) seen.push(chunk);
    })();
    await expect(failure).rejects.toMatchObject({ status: 500, retryable: true, provider: "google" });
    expect(seen).toHaveLength(1);
  });

  it("uses a configured base URL and strips the models/ prefix", async () => {
    const seen = serve(
      () =>
        HttpResponse.json({
          candidates: [{ content: { role: "model", parts: [{ text: "ok" }] }, finishReason: "STOP" }],
        }),
      "http://127.0.0.1:9999/gemini",
    );
    const google = createGoogleProvider({
      baseUrl: "http://127.0.0.1:9999/gemini/",
      ids: createSequentialIdGenerator(),
    });
    const result = await google.chat({ ...request, model: "models/gemini-2.0-flash" }, { apiKey: "k" });
    expect(seen[0]!.url).toBe("http://127.0.0.1:9999/gemini/v1beta/models/gemini-2.0-flash:generateContent");
    expect(result.response.model).toBe("models/gemini-2.0-flash");
    expect(result.response.id).toBe("chatcmpl_1");
  });

  it("wraps a transport failure as a retryable 502", async () => {
    const google = createGoogleProvider({
      transport: async () => {
        throw new TypeError("fetch failed");
      },
    });
    const error = (await google
      .chat(request, { apiKey: "k" })
      .catch((caught: unknown) => caught)) as GatewayError;
    expect({ status: error.status, retryable: error.retryable, provider: error.provider }).toEqual({
      status: 502,
      retryable: true,
      provider: "google",
    });
  });

  it("merges extensions.google and passes the model catalog's reasoning flag", async () => {
    const seen = serve(() =>
      HttpResponse.json({
        candidates: [{ content: { role: "model", parts: [{ text: "ok" }] }, finishReason: "STOP" }],
      }),
    );
    const result = await provider().chat(
      {
        model: "gemini-2.5-flash",
        messages: [{ role: "user", content: "Hi" }],
        reasoning_effort: "high",
        extensions: { google: { labels: { team: "x" } } },
      },
      { apiKey: "k", model: { reasoning: false } },
    );
    expect(seen[0]!.body).toEqual({
      contents: [{ role: "user", parts: [{ text: "Hi" }] }],
      labels: { team: "x" },
    });
    expect(result.warnings.map((warning) => warning.code)).toEqual(["reasoning_effort"]);
  });
});
