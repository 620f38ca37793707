import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  GatewayError,
  type ResponseStreamEvent,
} from "@switchyard/core";
import { loadFixtureCases, splitBytes } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createChatSseToResponsesSse } from "../sse/chat-sse-to-responses-sse";
import { createResponsesSseToChatSse } from "../sse/responses-sse-to-chat-sse";
import { parseSseFrames } from "../testing/sse-frames";
import { chatChunksToResponsesEvents, responsesEventsToChatChunks, transcodeSse } from "./async-iterables";
import { toSseTransformStream } from "./web-streams";

const request = { model: "gpt-test", input: "Hi" };
const clock = () => 1_700_000_000_000;
const chunk = (delta: ChatCompletionChunk["choices"][number]["delta"], finish: string | null = null) =>
  ({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1699999990,
    model: "gpt-test",
    choices: [{ index: 0, delta, finish_reason: finish }],
  }) satisfies ChatCompletionChunk;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function* fromArray<T>(items: T[], failure?: Error): AsyncGenerator<T> {
  for (const item of items) yield item;
  if (failure !== undefined) throw failure;
}

const fixture = loadFixtureCases("chat-stream-to-responses").find(
  (entry) => entry.name === "tool-calls-parallel",
)!;
const reverseFixture = loadFixtureCases("responses-stream-to-chat").find(
  (entry) => entry.name === "reasoning-encrypted-then-function-call",
)!;

describe("async-iterable adapters", () => {
  it("turn a provider's mid-stream GatewayError into error + response.failed", async () => {
    const failure = new GatewayError({ status: 503, code: "overloaded", message: "Upstream overloaded." });
    const events = await collect(
      chatChunksToResponsesEvents(fromArray([chunk({ role: "assistant", content: "Hi" })], failure), {
        request,
        ids: createSequentialIdGenerator(),
        clock,
      }),
    );
    expect(events.map((event) => event.type).slice(-2)).toEqual(["error", "response.failed"]);
    expect(events.at(-2)).toMatchObject({ code: "overloaded", message: "Upstream overloaded." });
    expect(events.at(-1)).toMatchObject({ response: { status: "failed", error: { code: "overloaded" } } });
  });

  it("end a finished Chat stream with response.completed", async () => {
    const events = await collect(
      chatChunksToResponsesEvents(fromArray([chunk({ content: "Hi" }), chunk({}, "stop")]), {
        request,
        ids: createSequentialIdGenerator(),
        clock,
      }),
    );
    expect(events.at(-1)?.type).toBe("response.completed");
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  });

  it("turn Responses events into Chat chunks and throw a GatewayError on an upstream error", async () => {
    const events = parseSseFrames(reverseFixture.readText("input.sse")).map(
      (frame) => frame.data as ResponseStreamEvent,
    );
    const chunks = await collect(responsesEventsToChatChunks(fromArray(events), { includeUsage: true }));
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("tool_calls");
    const failing = [
      events[0]!,
      { type: "error", sequence_number: 1, code: "boom", message: "Boom.", param: null },
    ];
    await expect(
      collect(
        responsesEventsToChatChunks(fromArray(failing as ResponseStreamEvent[]), { includeUsage: false }),
      ),
    ).rejects.toBeInstanceOf(GatewayError);
  });

  it("transcode SSE bytes split at every boundary", async () => {
    const bytes = fixture.readBytes("input.sse");
    const whole = createChatSseToResponsesSse({ request, ids: createSequentialIdGenerator(), clock });
    const expected = whole.push(bytes) + whole.end();
    const pieces = await collect(
      transcodeSse(
        fromArray(splitBytes(bytes, 7)),
        createChatSseToResponsesSse({ request, ids: createSequentialIdGenerator(), clock }),
      ),
    );
    expect(pieces.join("")).toBe(expected);
  });
});

describe("WHATWG stream adapter", () => {
  const pipe = async (bytes: Uint8Array, stream: TransformStream<Uint8Array | string, Uint8Array>) => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of splitBytes(bytes, 5)) controller.enqueue(piece);
        controller.close();
      },
    });
    return new Response(source.pipeThrough(stream)).text();
  };

  it("pipes Chat SSE bytes to Responses SSE bytes", async () => {
    const bytes = fixture.readBytes("input.sse");
    const whole = createChatSseToResponsesSse({ request, ids: createSequentialIdGenerator(), clock });
    const text = await pipe(
      bytes,
      toSseTransformStream(
        createChatSseToResponsesSse({ request, ids: createSequentialIdGenerator(), clock }),
      ),
    );
    expect(text).toBe(whole.push(bytes) + whole.end());
  });

  it("pipes Responses SSE bytes to Chat SSE bytes ending with [DONE]", async () => {
    const text = await pipe(
      reverseFixture.readBytes("input.sse"),
      toSseTransformStream(createResponsesSseToChatSse({ includeUsage: true })),
    );
    expect(text).toBe(reverseFixture.readText("expected.sse"));
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });
});
