import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { hangingStream, sseFrame } from "./fakes/fake-upstream";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

/** Polls a response until it has ended. */
async function pollUntilEnded(id: string): Promise<Response> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await harness.client.responses.retrieve(id);
    if (response.status !== "queued" && response.status !== "in_progress") return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`response ${id} did not end`);
}

/** An Anthropic stream that starts a text block and then stays open. */
const hangingClaude = () =>
  hangingStream([
    sseFrame(
      {
        type: "message_start",
        message: {
          id: "msg_hang",
          type: "message",
          role: "assistant",
          model: "claude-sonnet-4-6",
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 3, output_tokens: 1 },
        },
      },
      "message_start",
    ),
    sseFrame(
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      "content_block_start",
    ),
    sseFrame(
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Partial" } },
      "content_block_delta",
    ),
  ]);

describe("background responses (openai SDK)", () => {
  it("answers at once with a queued response and is polled to completion", async () => {
    const queued = await harness.client.responses.create({
      model: "gemini-2.5-flash",
      input: "Work on this in the background.",
      background: true,
    });
    expect(["queued", "in_progress"]).toContain(queued.status);
    expect(queued.background).toBe(true);
    const done = await pollUntilEnded(queued.id);
    expect(done.status).toBe("completed");
    expect(done.output_text).toBe(helloFrom("gemini"));
    expect(done.id).toBe(queued.id);
  });

  it("is cancelled: the upstream call is stopped and the response recorded cancelled", async () => {
    const hanging = hangingClaude();
    harness.fakes.anthropic.script(hanging.handler);
    const queued = await harness.client.responses.create({
      model: "claude-sonnet-4-6",
      input: "A long job.",
      background: true,
    });
    // Wait until the upstream is answering, then cancel.
    for (let attempt = 0; attempt < 200 && harness.fakes.anthropic.requests.length === 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const cancelled = await harness.client.responses.cancel(queued.id);
    expect(cancelled.status).toBe("cancelled");
    await hanging.closed;
    expect((await harness.client.responses.retrieve(queued.id)).status).toBe("cancelled");
    // Cancelling again changes nothing.
    expect((await harness.client.responses.cancel(queued.id)).status).toBe("cancelled");
  });

  it("deletes a running background response for good: its end does not bring it back", async () => {
    const hanging = hangingClaude();
    harness.fakes.anthropic.script(hanging.handler);
    const queued = await harness.client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Delete me while I run.",
      background: true,
    });
    for (let attempt = 0; attempt < 200 && harness.fakes.anthropic.requests.length === 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await harness.client.responses.delete(queued.id);
    await hanging.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(harness.client.responses.retrieve(queued.id)).rejects.toMatchObject({ status: 404 });
  });

  it("streams its events, and a second reader resumes after a sequence number", async () => {
    const stream = await harness.client.responses.create({
      model: "deepseek-chat",
      input: "Stream in the background.",
      background: true,
      stream: true,
    });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const completed = events.at(-1);
    expect(completed?.type).toBe("response.completed");
    const id = completed?.type === "response.completed" ? completed.response.id : "";
    expect(completed?.type === "response.completed" && completed.response.output_text).toBe(
      helloFrom("deepseek"),
    );
    const resumeAfter = events[1]!.sequence_number;
    const resumed = await harness.client.responses.retrieve(id, {
      stream: true,
      starting_after: resumeAfter,
    });
    const later: ResponseStreamEvent[] = [];
    for await (const event of resumed) later.push(event);
    expect(later.map((event) => event.sequence_number)).toEqual(
      events.filter((event) => event.sequence_number > resumeAfter).map((event) => event.sequence_number),
    );
  });

  it("refuses to cancel a response that was not created in the background", async () => {
    const response = await harness.client.responses.create({ model: "deepseek-chat", input: "Now." });
    await expect(harness.client.responses.cancel(response.id)).rejects.toMatchObject({ status: 400 });
  });
});
