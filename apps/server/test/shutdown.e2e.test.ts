import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hangingStream, sseFrame } from "./fakes/fake-upstream";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.stop());

const chunk = (content: string, finish: string | null = null) =>
  sseFrame({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "gpt-4o",
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });

async function startStream(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const response = await fetch(`${harness.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${CLIENT_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }], stream: true }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain('"Hel"');
  return reader;
}

async function readRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
  }
}

describe("graceful shutdown", () => {
  it("stops accepting connections and lets an in-flight stream finish", async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    harness.fakes.openai.script(async (_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chunk("Hel"));
      await released;
      response.end(chunk("lo", "stop") + "data: [DONE]\n\n");
    });
    const reader = await startStream();
    const closed = harness.server.close(10_000);
    await expect(fetch(`${harness.url}/health`)).rejects.toThrow();
    release();
    const rest = await readRest(reader);
    expect(rest).toContain('"lo"');
    expect(rest).toContain('"routing_metadata"');
    expect(rest.endsWith("data: [DONE]\n\n")).toBe(true);
    await closed;
  });

  it("cuts streams still running at the deadline and closes their upstream requests", async () => {
    const upstream = hangingStream([chunk("Hel")]);
    harness.fakes.openai.script(upstream.handler);
    const reader = await startStream();
    await harness.server.close(50);
    await upstream.closed;
    await expect(readRest(reader)).rejects.toThrow();
  });
});
