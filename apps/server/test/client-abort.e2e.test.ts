import { describe, expect, it } from "vitest";
import { anthropicTextOpeningFrames } from "./fakes/anthropic-fake";
import { helloFrom } from "./fakes/fake-reply";
import { type FakeHandler, hangingStream, sseFrame } from "./fakes/fake-upstream";
import { type Fakes, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

const chatChunk = sseFrame({
  id: "chatcmpl-1",
  object: "chat.completion.chunk",
  created: 1,
  model: "gpt-4o",
  choices: [{ index: 0, delta: { role: "assistant", content: "Hel" }, finish_reason: null }],
});
const responsesEvents = [
  sseFrame(
    {
      type: "response.created",
      sequence_number: 0,
      response: {
        id: "resp_1",
        object: "response",
        created_at: 1,
        status: "in_progress",
        model: "gpt-4o",
        output: [],
      },
    },
    "response.created",
  ),
];
const anthropicEvents = anthropicTextOpeningFrames("m");

const cases: {
  name: string;
  fake: keyof Fakes;
  frames: string[];
  endpoint: "chat" | "responses";
  model: string;
}[] = [
  { name: "chat on openai", fake: "openai", frames: [chatChunk], endpoint: "chat", model: "gpt-4o" },
  {
    name: "native responses on openai",
    fake: "openai",
    frames: responsesEvents,
    endpoint: "responses",
    model: "gpt-4o",
  },
  {
    name: "translated responses on anthropic",
    fake: "anthropic",
    frames: anthropicEvents,
    endpoint: "responses",
    model: "claude-sonnet-4-6",
  },
];

describe("a client that aborts mid-stream", () => {
  it.each(cases)("closes the upstream connection ($name)", async ({ fake, frames, endpoint, model }) => {
    const upstream = hangingStream(frames);
    harness.fakes[fake].script(upstream.handler);
    const controller = new AbortController();
    const stream =
      endpoint === "chat"
        ? await harness.client.chat.completions.create(
            { model, messages: [{ role: "user", content: "hi" }], stream: true },
            { signal: controller.signal },
          )
        : await harness.client.responses.create(
            { model, input: "hi", stream: true },
            { signal: controller.signal },
          );
    const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    controller.abort();
    // Resolves only once the gateway closed its upstream request; the test times out otherwise.
    await upstream.closed;
    await expect
      .poll(() => harness.logLines.find((line) => line["client_aborted"] === true))
      .toMatchObject({
        status: 499,
        model,
      });
    // The gateway keeps serving.
    const next = await harness.client.chat.completions.create({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(next.choices[0]!.message.content).toBe(helloFrom("anthropic"));
  });
});

/** An upstream that starts a whole JSON answer and never finishes it. */
function hangingAnswer(): { handler: FakeHandler; arrived: Promise<void>; closed: Promise<void> } {
  let markArrived = () => {};
  let markClosed = () => {};
  const arrived = new Promise<void>((resolve) => {
    markArrived = resolve;
  });
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  return {
    arrived,
    closed,
    handler: (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"id":"chatcmpl-1",');
      response.on("close", () => markClosed());
      markArrived();
    },
  };
}

describe("a client that aborts while waiting for a whole answer", () => {
  it.each([
    { name: "chat on openai", fake: "openai", model: "gpt-4o" },
    { name: "chat on deepseek", fake: "deepseek", model: "deepseek-chat" },
  ] as const)("closes the upstream connection ($name)", async ({ fake, model }) => {
    const upstream = hangingAnswer();
    harness.fakes[fake].script(upstream.handler);
    const controller = new AbortController();
    const answer = harness.client.chat.completions.create(
      { model, messages: [{ role: "user", content: "hi" }] },
      { signal: controller.signal },
    );
    await upstream.arrived;
    controller.abort();
    await expect(answer).rejects.toThrow();
    // Resolves only once the gateway closed its upstream request; the test times out otherwise.
    await upstream.closed;
    await expect
      .poll(() =>
        harness.logLines.find((line) => line["client_aborted"] === true && line["requested_model"] === model),
      )
      .toMatchObject({ status: 499 });
  });
});
