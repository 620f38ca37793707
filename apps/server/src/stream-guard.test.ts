import { getEventListeners } from "node:events";
import type { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { primeStream } from "./primed-stream";
import type { StreamGuard } from "./stream-guard";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A guard with its own stop signal, recording what the upstream was aborted with. */
function testGuard(idleTimeoutMs: number) {
  const stop = new AbortController();
  const aborted: GatewayError[] = [];
  const guard: StreamGuard = {
    idleTimeoutMs,
    serverStop: stop.signal,
    abortUpstream: (reason) => aborted.push(reason),
  };
  return { guard, stop, aborted };
}

/** Yields `first`, then waits `gapMs` before each of the rest. */
async function* paced(items: string[], gapMs: number): AsyncGenerator<string> {
  const [first, ...rest] = items;
  yield first!;
  for (const item of rest) {
    await sleep(gapMs);
    yield item;
  }
}

async function drain(items: AsyncIterable<string>, perItemMs = 0): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of items) {
    seen.push(item);
    if (perItemMs > 0) await sleep(perItemMs);
  }
  return seen;
}

describe("a guarded stream", () => {
  it("passes a stream whose gaps stay under the idle limit", async () => {
    const { guard, aborted } = testGuard(200);
    const primed = await primeStream(paced(["a", "b", "c"], 20), Date.now, guard);
    expect(await drain(primed.items)).toEqual(["a", "b", "c"]);
    expect(aborted).toEqual([]);
  });

  it("ends a silent upstream with upstream_idle_timeout and aborts it", async () => {
    const { guard, aborted } = testGuard(50);
    const primed = await primeStream(paced(["a", "b"], 10_000), Date.now, guard);
    await expect(drain(primed.items)).rejects.toMatchObject({ code: "upstream_idle_timeout", status: 504 });
    expect(aborted.map((error) => error.code)).toEqual(["upstream_idle_timeout"]);
  });

  it("does not count the time the consumer spends writing (a slow client) as upstream silence", async () => {
    const { guard, aborted } = testGuard(60);
    const primed = await primeStream(paced(["a", "b", "c"], 10), Date.now, guard);
    expect(await drain(primed.items, 120)).toEqual(["a", "b", "c"]);
    expect(aborted).toEqual([]);
  });

  it("ends with server_shutting_down when the server stops, waiting or not", async () => {
    const waiting = testGuard(10_000);
    const primed = await primeStream(paced(["a", "b"], 10_000), Date.now, waiting.guard);
    const drained = drain(primed.items);
    await sleep(20);
    waiting.stop.abort();
    await expect(drained).rejects.toMatchObject({ code: "server_shutting_down", status: 503 });

    const busy = testGuard(10_000);
    const next = await primeStream(paced(["a", "b"], 0), Date.now, busy.guard);
    busy.stop.abort();
    await expect(drain(next.items)).rejects.toMatchObject({ code: "server_shutting_down" });
    expect(busy.aborted.map((error) => error.code)).toEqual(["server_shutting_down"]);
  });

  it("removes its listener from the server's stop signal when the stream ends", async () => {
    const { guard } = testGuard(1000);
    const primed = await primeStream(paced(["a", "b"], 0), Date.now, guard);
    expect(getEventListeners(guard.serverStop, "abort")).toHaveLength(1);
    await drain(primed.items);
    // One signal serves every stream of the server: a listener left behind per stream would leak.
    expect(getEventListeners(guard.serverStop, "abort")).toHaveLength(0);
  });
});
