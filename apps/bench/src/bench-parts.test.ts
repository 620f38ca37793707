import type { Server } from "node:http";
import { ChatCompletionChunkSchema, ChatCompletionResponseSchema, createSseParser } from "@switchyard/core";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBareProxy } from "./bare-proxy";
import { completionBody, startFakeUpstream, streamFrames } from "./fake-upstream";
import { measureStreams } from "./load-drivers";

describe("fake upstream answers", () => {
  it("are valid Chat Completions bodies of about 1 KB", () => {
    const body = completionBody("m");
    expect(body.length).toBeGreaterThan(900);
    expect(body.length).toBeLessThan(1200);
    expect(ChatCompletionResponseSchema.safeParse(JSON.parse(body)).success).toBe(true);
  });

  it("stream the requested number of text chunks, a finish, usage and [DONE]", () => {
    const parser = createSseParser();
    const events = parser.push(streamFrames("m", 64).join(""));
    expect(events.at(-1)?.data).toBe("[DONE]");
    const chunks = events
      .slice(0, -1)
      .map((event) => ChatCompletionChunkSchema.parse(JSON.parse(event.data)));
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content?.startsWith("tok"))).toHaveLength(64);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(64);
  });
});

describe("bare proxy", () => {
  const servers: Server[] = [];
  let proxyPort = 0;

  beforeAll(async () => {
    const upstream = await startFakeUpstream({ latencyMs: 0, chunks: 8, intervalMs: 0 });
    const proxy = await startBareProxy(`http://127.0.0.1:${upstream.port}`);
    servers.push(upstream.server, proxy.server);
    proxyPort = proxy.port;
  });
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it("pipes a non-streaming answer through untouched", async () => {
    const response = await request(`http://127.0.0.1:${proxyPort}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m" }),
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe(completionBody("m"));
  });

  it("relays whole streams, which the stream driver counts", async () => {
    const figures = await measureStreams(
      {
        url: `http://127.0.0.1:${proxyPort}/v1/chat/completions`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "m", stream: true }),
      },
      { concurrency: 4, total: 12, terminal: "[DONE]", stallMs: 5_000 },
    );
    expect(figures).toMatchObject({ streams: 12, dropped: 0, errors: 0, stalled: 0 });
    expect(figures.events).toBe(12 * (1 + 8 + 2 + 1));
  });
});
