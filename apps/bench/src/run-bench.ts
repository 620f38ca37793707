/**
 * `pnpm bench`: measures the gateway against a bare proxy on the same machine, in the same run, and
 * reports ratios. The gateway (and the bare proxy, in its turn) is pinned to core 0; this load process and
 * the fake upstream to core 1, when taskset is available.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type BenchChild,
  canPin,
  residentSetSize,
  startGatewayProcess,
  startProxyProcess,
  startUpstreamProcess,
} from "./child-processes";
import { measureLatency, measureStreams, measureThroughput, type Target } from "./load-drivers";
import { type BenchResults, printTable, writeResults } from "./report";

const quick = process.argv.includes("--quick");
const seconds = quick ? 3 : 10;
const gatewayPort = 18_000 + Math.floor(Math.random() * 1000);
const chunksPerStream = 64;

const chatBody = (model: string, stream: boolean) =>
  JSON.stringify({ model, stream, messages: [{ role: "user", content: "Say something about foxes." }] });
const responsesBody = (model: string, stream: boolean) =>
  JSON.stringify({ model, stream, input: "Say something about foxes." });
const headers = { "content-type": "application/json", authorization: "Bearer ak_bench" };

// Models the gateway serves from the fake upstream: gpt-4o via the OpenAI provider (Chat passthrough),
// deepseek-chat via DeepSeek, a Chat-only upstream, so /v1/responses is translated both ways.
const target = (port: number, path: string, body: string): Target => ({
  url: `http://127.0.0.1:${port}${path}`,
  headers,
  body,
});

async function withProcesses<T>(children: BenchChild[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

async function main() {
  // Pin this (load) process to core 1.
  if (canPin) execFileSync("taskset", ["-pc", "1", String(process.pid)], { stdio: "ignore" });
  const results: BenchResults = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    pinned: canPin,
    quick,
    figures: {},
  };

  // 1-3: non-streaming, upstream answers at once.
  {
    const upstream = await startUpstreamProcess({ latencyMs: 0, chunks: chunksPerStream, intervalMs: 0 }, 1);
    const proxy = await startProxyProcess(upstream.port, 0);
    const proxyChat = target(proxy.port, "/v1/chat/completions", chatBody("gpt-4o", false));
    const proxyThroughput = await measureThroughput(proxyChat, 50, seconds);
    const proxyLatency = await measureLatency(proxyChat, quick ? 500 : 3000);
    await proxy.stop();
    const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
    await withProcesses([upstream, gateway], async () => {
      const gatewayChat = target(gateway.port, "/v1/chat/completions", chatBody("gpt-4o", false));
      const gatewayResponses = target(gateway.port, "/v1/responses", responsesBody("deepseek-chat", false));
      const chatThroughput = await measureThroughput(gatewayChat, 50, seconds);
      const responsesThroughput = await measureThroughput(gatewayResponses, 50, seconds);
      const gatewayLatency = await measureLatency(gatewayChat, quick ? 500 : 3000);
      results.figures.chatPassthrough = {
        gatewayRps: chatThroughput.requestsPerSecond,
        bareProxyRps: proxyThroughput.requestsPerSecond,
        ratio: chatThroughput.requestsPerSecond / proxyThroughput.requestsPerSecond,
        target: ">= 0.90",
        errors:
          chatThroughput.errors + chatThroughput.non2xx + proxyThroughput.errors + proxyThroughput.non2xx,
      };
      results.figures.responsesFromChat = {
        gatewayRps: responsesThroughput.requestsPerSecond,
        bareProxyRps: proxyThroughput.requestsPerSecond,
        ratio: responsesThroughput.requestsPerSecond / proxyThroughput.requestsPerSecond,
        target: ">= 0.80",
        errors: responsesThroughput.errors + responsesThroughput.non2xx,
      };
      results.figures.addedLatency = {
        gatewayP50Us: gatewayLatency.p50Us,
        bareProxyP50Us: proxyLatency.p50Us,
        addedP50Us: gatewayLatency.p50Us - proxyLatency.p50Us,
        gatewayP99Us: gatewayLatency.p99Us,
        bareProxyP99Us: proxyLatency.p99Us,
        addedP99Us: gatewayLatency.p99Us - proxyLatency.p99Us,
        target: "added p50 <= 50 us, added p99 < 1000 us",
        errors: gatewayLatency.errors + proxyLatency.errors,
      };
    });
  }

  // 4: streaming /v1/responses from a Chat upstream, at saturation (no gap) and for time to first byte (20 ms).
  {
    const streamFigures = async (intervalMs: number, concurrency: number, total?: number) => {
      const upstream = await startUpstreamProcess({ latencyMs: 0, chunks: chunksPerStream, intervalMs }, 1);
      const options = {
        concurrency,
        stallMs: Math.max(1000, intervalMs * 20),
        ...(total ? { total } : { seconds }),
      };
      const proxy = await startProxyProcess(upstream.port, 0);
      const proxyRun = await measureStreams(
        target(proxy.port, "/v1/chat/completions", chatBody("deepseek-chat", true)),
        {
          ...options,
          terminal: "[DONE]",
        },
      );
      await proxy.stop();
      const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
      const gatewayRun = await withProcesses([upstream, gateway], () =>
        measureStreams(target(gateway.port, "/v1/responses", responsesBody("deepseek-chat", true)), {
          ...options,
          terminal: "response.completed",
        }),
      );
      return { proxyRun, gatewayRun };
    };
    const saturated = await streamFigures(0, 32);
    const paced = await streamFigures(20, 4, quick ? 8 : 40);
    results.figures.streaming = {
      gatewayEventsPerSecond: saturated.gatewayRun.eventsPerSecond,
      bareProxyEventsPerSecond: saturated.proxyRun.eventsPerSecond,
      // Responses emits ~12 more events per stream than Chat has chunks, so the ratio compares upstream
      // chunks relayed per second (completed streams x chunks), not raw event counts.
      gatewayChunksPerSecond: Math.round(saturated.gatewayRun.streamsPerSecond * chunksPerStream),
      bareProxyChunksPerSecond: Math.round(saturated.proxyRun.streamsPerSecond * chunksPerStream),
      ratio: saturated.gatewayRun.streamsPerSecond / saturated.proxyRun.streamsPerSecond,
      target: ">= 0.75",
      gatewayTtfbP50Ms: paced.gatewayRun.ttfbP50Ms,
      bareProxyTtfbP50Ms: paced.proxyRun.ttfbP50Ms,
      addedTtfbMs: paced.gatewayRun.ttfbP50Ms - paced.proxyRun.ttfbP50Ms,
      ttfbTarget: "added <= 1 ms",
      errors: saturated.gatewayRun.errors + paced.gatewayRun.errors + saturated.proxyRun.errors,
      dropped: saturated.gatewayRun.dropped + paced.gatewayRun.dropped,
      stalled: saturated.gatewayRun.stalled + paced.gatewayRun.stalled,
    };
  }

  // 5: memory with 1,000 concurrent slow streams.
  {
    const streams = quick ? 200 : 1000;
    const upstream = await startUpstreamProcess(
      { latencyMs: 0, chunks: chunksPerStream, intervalMs: 100 },
      1,
    );
    const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
    await withProcesses([upstream, gateway], async () => {
      await measureThroughput(
        target(gateway.port, "/v1/chat/completions", chatBody("deepseek-chat", false)),
        8,
        1,
      );
      await sleep(500);
      const idle = residentSetSize(gateway.process.pid) ?? Number.NaN;
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, residentSetSize(gateway.process.pid) ?? 0);
      }, 100);
      const run = await measureStreams(
        target(gateway.port, "/v1/responses", responsesBody("deepseek-chat", true)),
        {
          concurrency: streams,
          total: streams,
          terminal: "response.completed",
          stallMs: 2_000,
        },
      );
      clearInterval(sampler);
      results.figures.memory = {
        concurrentStreams: streams,
        idleRssMb: idle / 2 ** 20,
        peakRssMb: peak / 2 ** 20,
        addedMb: (peak - idle) / 2 ** 20,
        target: "<= 100 MB above idle",
        errors: run.errors,
        dropped: run.dropped,
        stalled: run.stalled,
      };
    });
  }

  printTable(results);
  const path = writeResults(results);
  console.log(`\nwritten to ${path}`);
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
