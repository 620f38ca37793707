import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  createSequentialIdGenerator,
  GatewayError,
  type Provider,
} from "@switchyard/core";
import { type FixtureCase, loadFixtureCases } from "@switchyard/core/testing";
import { builtInModels, createRouter } from "@switchyard/router";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { loadConfig } from "../config/config";
import { createServer, type SwitchyardServer } from "../create-server";

/**
 * Golden WebSocket sessions, `fixtures/responses-websocket/<case>/`, written by hand from the API
 * reference's WebSocket events and the SSE stream events:
 * - `client.jsonl`: the client's messages in order; a line `{"$await": "<type>", "$count": n}` waits until the
 *   server has sent n events of that type in all (n defaults to 1) before the following message goes, and
 *   `{"$raw": "<text>"}` sends text as is;
 * - `upstream.json`: one entry per upstream call, in order: `{"chunks": [...]}` (Chat chunks the provider
 *   streams; with `"holdAfter": n, "until": "<type>"` the first n go out, the rest once the server sent an
 *   event of that type) or `{"error": {"status", "message", "code"?}}`;
 * - `expected.jsonl`: every server message, in order per `stream_id` (lanes interleave freely); each is
 *   matched as a subset (`toMatchObject`), so a case spells out the fields the documents fix;
 * - `expected-upstream.json` (optional): the Chat requests the provider received, matched as subsets.
 */

interface UpstreamCall {
  chunks?: ChatCompletionChunk[];
  holdAfter?: number;
  until?: string;
  error?: { status: number; message: string; code?: string };
}

type ClientLine = Record<string, unknown> & { $await?: string; $count?: number; $raw?: string };

const readLines = <T>(fixture: FixtureCase, file: string): T[] =>
  fixture
    .readText(file)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);

let running: SwitchyardServer | undefined;
afterEach(async () => {
  await running?.close(100);
  running = undefined;
});

/** A server whose `deepseek` provider streams the case's scripted upstream calls. */
async function serve(calls: UpstreamCall[], sent: { type: string }[]) {
  const requests: ChatCompletionRequest[] = [];
  const sentTypes = (type: string) =>
    new Promise<void>((resolve) => {
      const check = () => (sent.some((event) => event.type === type) ? resolve() : setTimeout(check, 5));
      check();
    });
  const provider: Provider = {
    name: "deepseek",
    protocol: "openai-chat",
    chat: async () => {
      throw new Error("the fixtures stream only");
    },
    async streamChat(request) {
      requests.push(request);
      const call = calls[requests.length - 1];
      if (call === undefined) throw new Error(`no scripted upstream call ${requests.length}`);
      if (call.error !== undefined) throw new GatewayError({ ...call.error, retryable: false });
      const chunks = call.chunks ?? [];
      async function* stream() {
        for (const [index, chunk] of chunks.entries()) {
          if (index === call!.holdAfter && call!.until !== undefined) await sentTypes(call!.until);
          yield chunk;
        }
      }
      return { chunks: stream(), warnings: [] };
    },
  };
  const providers = [{ provider, apiKeys: ["fake-upstream-key"] }];
  const config = loadConfig({ env: {} });
  const clock = () => 1_700_000_000_000;
  const router = createRouter({ models: builtInModels(), providers, random: () => 0, clock });
  running = createServer({
    config,
    router,
    providers,
    clock,
    ids: createSequentialIdGenerator(),
    logger: pino({ level: "silent" }),
  });
  const { url } = await running.listen(0, "127.0.0.1");
  return { url, requests };
}

/** The received events grouped by `stream_id`, each lane in order. */
const byLane = (events: { stream_id?: string }[]) => {
  const lanes = new Map<string, unknown[]>();
  for (const event of events) {
    const lane = event.stream_id ?? "(default)";
    lanes.set(lane, [...(lanes.get(lane) ?? []), event]);
  }
  return Object.fromEntries(lanes);
};

describe.each(loadFixtureCases("responses-websocket"))("WebSocket session $name", (fixture) => {
  it("sends the expected events", async () => {
    const expected = readLines<Record<string, unknown>>(fixture, "expected.jsonl");
    const received: (Record<string, unknown> & { type: string; stream_id?: string })[] = [];
    const calls = fixture.readJson<UpstreamCall[]>("upstream.json");
    const { url, requests } = await serve(calls, received);
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/v1/responses`);
    let wake: () => void = () => {};
    socket.on("message", (data) => {
      received.push(JSON.parse(data.toString()));
      wake();
    });
    await new Promise((resolve) => socket.once("open", resolve));
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!done()) return;
          wake = () => {};
          resolve();
        };
        wake = check;
        check();
      });
    for (const line of readLines<ClientLine>(fixture, "client.jsonl")) {
      if (line.$await !== undefined) {
        const { $await: type, $count: count = 1 } = line;
        await until(() => received.filter((event) => event.type === type).length >= count);
        continue;
      }
      socket.send(line.$raw ?? JSON.stringify(line));
    }
    await until(() => received.length >= expected.length);
    socket.close();
    expect(received.length).toBe(expected.length);
    expect(byLane(received)).toMatchObject(byLane(expected));
    if (fixture.has("expected-upstream.json"))
      expect(requests).toMatchObject(fixture.readJson<unknown[]>("expected-upstream.json"));
  });
});
