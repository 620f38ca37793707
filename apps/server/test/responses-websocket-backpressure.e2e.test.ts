import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeHandler } from "./fakes/fake-upstream";
import { type Harness, startHarness } from "./gateway-harness";
import { SocketClient, textOf } from "./responses-socket-client";

const MODEL = "deepseek-chat";
/**
 * A long answer: 10,000 deltas of 2 KiB, 20 MiB of text, past what the kernel buffers of the loopback
 * sockets between fake upstream, gateway and client absorb (8 to 10 MiB measured here).
 */
const DELTAS = 10_000;
const DELTA = "x".repeat(2048);
const BOUND = 64 * 1024;

/** How far the upstream got: frames handed to its socket, and whether it is blocked on a full socket. */
interface UpstreamProgress {
  framesWritten: number;
  blocked: boolean;
  finished: boolean;
}

/** A DeepSeek stream of `DELTAS` deltas that honours backpressure, as a real upstream's TCP stack does. */
function longStream(progress: UpstreamProgress): FakeHandler {
  return async (_request, response) => {
    const base = {
      id: "chatcmpl-long",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: MODEL,
    };
    const frame = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
    response.writeHead(200, { "content-type": "text/event-stream" });
    for (let index = 0; index < DELTAS; index++) {
      const written = response.write(
        frame({ ...base, choices: [{ index: 0, delta: { content: DELTA }, finish_reason: null }] }),
      );
      progress.framesWritten++;
      if (!written) {
        progress.blocked = true;
        await once(response, "drain");
        progress.blocked = false;
      }
    }
    response.write(frame({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
    response.write(
      frame({
        ...base,
        choices: [],
        usage: { prompt_tokens: 5, completion_tokens: DELTAS, total_tokens: DELTAS + 5 },
      }),
    );
    response.end("data: [DONE]\n\n");
    progress.finished = true;
  };
}

/** Waits until `read` stops changing for three polls in a row (the upstream stalled), or it finished. */
async function settled(read: () => number, done: () => boolean): Promise<number> {
  let last = -1;
  let stable = 0;
  while (stable < 3 && !done()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = read();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return read();
}

/** Runs the long stream to a client that pauses reading once the stream started, then resumes. */
async function slowReader(harness: Harness) {
  const progress: UpstreamProgress = { framesWritten: 0, blocked: false, finished: false };
  harness.fakes.deepseek.script(longStream(progress));
  const client = new SocketClient(harness.client);
  await client.opened();
  const raw = client.ws.socket.platformSocket;
  const created = client.collect(undefined, (event) => event.type === "response.created");
  const turn = client.turn({ model: MODEL, input: "Write a lot", store: false });
  await created;
  raw.pause();
  harness.server.sockets.stats.peakBufferedBytes = 0;
  const heapBefore = process.memoryUsage().heapUsed;
  const whilePaused = await settled(
    () => progress.framesWritten,
    () => progress.finished,
  );
  const heapPaused = process.memoryUsage().heapUsed;
  const peakWhilePaused = harness.server.sockets.stats.peakBufferedBytes;
  const finishedWhilePaused = progress.finished;
  const blockedWhilePaused = progress.blocked;
  raw.resume();
  const result = await turn;
  client.close();
  return {
    whilePaused,
    finishedWhilePaused,
    blockedWhilePaused,
    heapGrowthWhilePaused: heapPaused - heapBefore,
    peakBufferedBytes: peakWhilePaused,
    result,
  };
}

describe("a slow reader on a long WebSocket stream", () => {
  let bounded: Harness;
  let unbounded: Harness;
  beforeAll(async () => {
    bounded = await startHarness({ file: { websocket: { maxBufferedBytes: BOUND } } });
    // The same run without a useful bound: what the gateway would hold if it did not pause the upstream.
    unbounded = await startHarness({ file: { websocket: { maxBufferedBytes: 1024 * 1024 * 1024 } } });
  });
  afterAll(async () => {
    await bounded.stop();
    await unbounded.stop();
  });

  it("pauses the upstream instead of buffering, and delivers everything once the reader resumes", {
    timeout: 60_000,
  }, async () => {
    const paused = await slowReader(bounded);
    const control = await slowReader(unbounded);
    console.info(
      `slow reader, ${DELTAS} deltas of ${DELTA.length} B: bounded (${BOUND} B): upstream stalled after ` +
        `${paused.whilePaused} frames, peak unsent while paused ${paused.peakBufferedBytes} B, heap +${paused.heapGrowthWhilePaused} B; ` +
        `unbounded: upstream wrote ${control.whilePaused} frames while paused, peak unsent ${control.peakBufferedBytes} B, ` +
        `heap +${control.heapGrowthWhilePaused} B`,
    );
    // With the bound the upstream blocks on its socket while the client does not read...
    expect(paused.finishedWhilePaused).toBe(false);
    expect(paused.blockedWhilePaused).toBe(true);
    // ...and the socket's backlog stays within the bound plus one message (a delta event, ~2.2 KB).
    expect(paused.peakBufferedBytes).toBeLessThan(BOUND + 4 * 1024);
    // Without it the gateway drains the upstream into its own memory: the measurement sees the difference.
    expect(control.finishedWhilePaused).toBe(true);
    expect(control.peakBufferedBytes).toBeGreaterThan(10 * paused.peakBufferedBytes);
    for (const run of [paused, control]) {
      expect(run.result.last.type).toBe("response.completed");
      expect(textOf(run.result).length).toBe(DELTAS * DELTA.length);
    }
  });
});
