import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sseFrame } from "./fakes/fake-upstream";
import { hangBeforeHeaders, stallAfterWrites } from "./fakes/faults";
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

const post = (path: string, body: unknown) =>
  fetch(`${harness.url}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${CLIENT_KEY}`,
      "x-api-key": CLIENT_KEY,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });

async function startStream(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const response = await post("/v1/chat/completions", {
    model: "gpt-4o",
    messages: [{ role: "user", content: "hi" }],
    stream: true,
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

const lineOf = (path: string) => harness.logLines.find((line) => line["path"] === path);

describe("graceful shutdown", () => {
  it("answers /health and new requests with 503 while an in-flight stream finishes", async () => {
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

    const health = await fetch(`${harness.url}/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("connection")).toBe("close");
    expect(await health.json()).toMatchObject({ error: { code: "server_shutting_down" } });
    const refused = await post("/v1/chat/completions", {
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "server_shutting_down" } });
    expect(harness.fakes.openai.requests).toHaveLength(1);

    release();
    const rest = await readRest(reader);
    expect(rest).toContain('"lo"');
    expect(rest).toContain('"routing_metadata"');
    expect(rest.endsWith("data: [DONE]\n\n")).toBe(true);
    await closed;
    await expect(fetch(`${harness.url}/health`)).rejects.toThrow();
  });

  const streams = [
    {
      path: "/v1/chat/completions",
      body: { model: "gpt-4o", messages: [{ role: "user", content: "hi" }], stream: true },
      // Chat: an error chunk, then the end without `[DONE]`.
      ends: (text: string) => {
        expect(text.trimEnd().split("\n\n").at(-1)).toMatch(
          /^data: \{"error":\{.*"code":"server_shutting_down"/,
        );
        expect(text).not.toContain("[DONE]");
      },
    },
    {
      path: "/v1/responses",
      body: { model: "gpt-4o", input: "hi", stream: true },
      ends: (text: string) => {
        const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
        expect(events.slice(-2)).toEqual(["error", "response.failed"]);
        expect(text).toContain('"code":"server_shutting_down"');
      },
    },
    {
      path: "/v1/messages",
      body: { model: "gpt-4o", max_tokens: 64, messages: [{ role: "user", content: "hi" }], stream: true },
      ends: (text: string) => {
        const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
        expect(events.at(-1)).toBe("error");
        expect(text).toContain("shutting down");
      },
    },
  ];
  it.each(streams)(
    "ends a $path stream still open at the deadline with its error event, and logs that the server ended it",
    async ({ path, body, ends }) => {
      const upstream = stallAfterWrites(harness.fakes.openai.responder, 3);
      harness.fakes.openai.script(upstream.handler);
      const response = await post(path, body);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      await reader.read();
      await harness.server.close(100);
      ends(await readRest(reader));
      await upstream.closed;
      const line = lineOf(path);
      expect(line).toMatchObject({ status: 200, error: { code: "server_shutting_down" } });
      expect(line?.["client_aborted"]).toBeUndefined();
    },
  );

  it("answers a whole request still waiting for its upstream at the deadline with a 503", async () => {
    const upstream = hangBeforeHeaders();
    harness.fakes.openai.script(upstream.handler);
    const pending = post("/v1/chat/completions", {
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
    });
    // Shut down only once the request is waiting on its upstream.
    while (harness.fakes.openai.requests.length === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await harness.server.close(100);
    const response = await pending;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "server_shutting_down" } });
    await upstream.closed;
    expect(lineOf("/v1/chat/completions")).toMatchObject({
      status: 503,
      error: { code: "server_shutting_down" },
    });
  });
});
