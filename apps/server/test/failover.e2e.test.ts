import { APIError } from "openai";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from "openai/resources/chat/completions";
import type {
  ResponseCreateParamsNonStreaming,
  ResponseCreateParamsStreaming,
} from "openai/resources/responses/responses";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anthropicTextOpeningFrames } from "./fakes/anthropic-fake";
import { helloFrom } from "./fakes/fake-reply";
import { type FakeHandler, failWith, sseFrame } from "./fakes/fake-upstream";
import { type Harness, startHarness } from "./gateway-harness";
import { anthropicClient } from "./messages-client";

// A fresh gateway per test: the router's health and circuit breakers remember failures across requests.
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.stop());

const overloaded = failWith(529, {
  type: "error",
  error: { type: "overloaded_error", message: "Overloaded" },
});
const rateLimited = failWith(429, {
  type: "error",
  error: { type: "rate_limit_error", message: "Slow down" },
});

/** Anthropic's in-stream `overloaded_error`, sent after HTTP 200, after the given opening frames. */
const overloadedAfter200 =
  (opening: readonly string[] = []): FakeHandler =>
  (_request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream" });
    for (const frame of opening) response.write(frame);
    response.end(
      sseFrame({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, "error"),
    );
  };

interface Metadata {
  provider: string;
  warnings: { type: string; code: string; message: string }[];
  attempts: { provider: string; outcome: string; status?: number }[];
}

function expectFailover(metadata: Metadata | undefined) {
  expect(metadata?.provider).toBe("google");
  expect(metadata?.warnings).toContainEqual(expect.objectContaining({ type: "fallback", code: "anthropic" }));
  expect(metadata?.attempts).toEqual([
    expect.objectContaining({ provider: "anthropic", outcome: "failed", status: 529 }),
    expect.objectContaining({ provider: "google", outcome: "success" }),
  ]);
}

const body = { gateway: { models: ["claude-sonnet-4-6", "gemini-2.5-flash"] } };

describe("gateway.models failover", () => {
  it.each([false, true])(
    "chat: the first upstream answers 529, the second serves (stream: %s)",
    async (stream) => {
      harness.fakes.anthropic.script(overloaded);
      // `gateway.models` replaces `model`, which the SDK's types require.
      const request = { messages: [{ role: "user", content: "hi" }], ...body };
      if (!stream) {
        const completion = await harness.client.chat.completions.create(
          request as unknown as ChatCompletionCreateParamsNonStreaming,
        );
        expect(completion.choices[0]!.message.content).toBe(helloFrom("gemini"));
        expectFailover((completion as unknown as { routing_metadata: Metadata }).routing_metadata);
      } else {
        const chunks = [];
        const streamed = { ...request, stream: true } as unknown as ChatCompletionCreateParamsStreaming;
        for await (const chunk of await harness.client.chat.completions.create(streamed))
          chunks.push(chunk as { routing_metadata?: Metadata });
        expectFailover(chunks.at(-1)!.routing_metadata);
      }
      expect(harness.fakes.anthropic.requests).toHaveLength(1);
      expect(harness.fakes.gemini.requests).toHaveLength(1);
    },
  );

  it.each([false, true])(
    "responses: the first upstream answers 529, the second serves (stream: %s)",
    async (stream) => {
      harness.fakes.anthropic.script(overloaded);
      const request = { input: "hi", ...body };
      if (!stream) {
        const response = await harness.client.responses.create(
          request as unknown as ResponseCreateParamsNonStreaming,
        );
        expect(response.output_text).toBe(helloFrom("gemini"));
        expectFailover((response as unknown as { routing_metadata: Metadata }).routing_metadata);
      } else {
        const events = [];
        const streamed = { ...request, stream: true } as unknown as ResponseCreateParamsStreaming;
        for await (const event of await harness.client.responses.create(streamed))
          events.push(event as { type: string; response?: { routing_metadata?: Metadata } });
        expect(events.at(-1)!.type).toBe("response.completed");
        expectFailover(events.at(-1)!.response?.routing_metadata);
      }
    },
  );

  it("fails over when a stream breaks before its first chunk, even after HTTP 200", async () => {
    harness.fakes.anthropic.script(overloadedAfter200());
    const streamed = {
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      ...body,
    } as unknown as ChatCompletionCreateParamsStreaming;
    const chunks = [];
    for await (const chunk of await harness.client.chat.completions.create(streamed))
      chunks.push(
        chunk as { choices: { delta: { content?: string | null } }[]; routing_metadata?: Metadata },
      );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe(helloFrom("gemini"));
    const metadata = chunks.at(-1)!.routing_metadata;
    expect(metadata?.provider).toBe("google");
    expect(metadata?.attempts[0]).toMatchObject({ provider: "anthropic", outcome: "failed" });
  });

  it.each([
    [529, overloaded, "overloaded_error"],
    [429, rateLimited, "rate_limit_error"],
  ] as const)("passes %i on once failover is exhausted", async (status, handler, type) => {
    harness.fakes.anthropic.script(handler, handler, handler);
    const failure = await harness.client.chat.completions
      .create({ model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIError);
    expect(failure).toMatchObject({ status, type });
  });

  it("reports an upstream failure after the stream started as an error the SDK raises", async () => {
    harness.fakes.anthropic.script(overloadedAfter200(anthropicTextOpeningFrames("m")));
    const stream = await harness.client.chat.completions.create({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? "");
    })().catch((error: unknown) => error);
    expect(received.join("")).toBe("Hel");
    expect(failure).toBeInstanceOf(APIError);
    await expect
      .poll(() => harness.logLines.find((line) => line["msg"] === "request"))
      .toMatchObject({ status: 200, provider: "anthropic", error: { message: expect.any(String) } });
    // The server keeps serving.
    const next = await harness.client.chat.completions.create({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(next.choices[0]!.message.content).toBe(helloFrom("anthropic"));
  });
});

describe("failover on /v1/messages passed through to Anthropic", () => {
  it("fails over when the stream's first event is an error, even after HTTP 200", async () => {
    harness.fakes.anthropic.script(overloadedAfter200());
    // Messages keeps `model` (the protocol requires it); `gateway.models` takes over the routing.
    const params = {
      model: "claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user" as const, content: "hi" }],
      ...body,
    };
    const stream = anthropicClient(harness).messages.stream(params);
    const message = await stream.finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: "text", text: helloFrom("gemini") })]);
    const response = (await stream.withResponse()).response;
    expect(response.headers.get("x-switchyard-provider")).toBe("google");
    expect(harness.fakes.anthropic.requests).toHaveLength(1);
  });
});
