/**
 * `pnpm bench`: measures the gateway against a bare proxy on the same machine, in the same run, and
 * reports ratios. The gateway and the bare proxy are pinned to core 0 and loaded one at a time, in
 * alternating rounds after a warm-up; this load process and the fake upstream are pinned to core 1, when
 * taskset is available. Each figure is the median of its per-round ratios or differences.
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
import {
  type LatencyFigures,
  measureLatency,
  measureStreams,
  measureThroughput,
  type StreamFigures,
  type Target,
  type ThroughputFigures,
} from "./load-drivers";
import { type BenchResults, printTable, writeResults } from "./report";
import { median, type PairedFigure, pairedDifference, pairedRatio, runRounds } from "./rounds";
import { readRuntimeMemory } from "./runtime-memory";
import { measureChain, measureStoreOverhead, type StatefulBenchOptions } from "./stateful-bench";

/** A per-round range as printed: `low..high`. */
const range = ({ low, high }: PairedFigure): string =>
  `${low.toFixed(low >= 100 ? 0 : 3)}..${high.toFixed(high >= 100 ? 0 : 3)}`;

const quick = process.argv.includes("--quick");
const rounds = quick ? 3 : 5;
const roundSeconds = quick ? 1 : 3;
const warmupSeconds = quick ? 1 : 2;
const latencyRequests = quick ? 300 : 1000;
const settleMs = 500;
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

  // 1-3: non-streaming, upstream answers at once. The bare proxy and the gateway run side by side (both on
  // core 0, loaded one at a time) and are measured in alternating rounds after a warm-up.
  {
    const upstream = await startUpstreamProcess({ latencyMs: 0, chunks: chunksPerStream, intervalMs: 0 }, 1);
    const proxy = await startProxyProcess(upstream.port, 0);
    const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
    await withProcesses([upstream, proxy, gateway], async () => {
      const proxyChat = target(proxy.port, "/v1/chat/completions", chatBody("gpt-4o", false));
      const gatewayChat = target(gateway.port, "/v1/chat/completions", chatBody("gpt-4o", false));
      const gatewayResponses = target(gateway.port, "/v1/responses", responsesBody("deepseek-chat", false));
      for (const warm of [proxyChat, gatewayChat, gatewayResponses])
        await measureThroughput(warm, 50, warmupSeconds);
      const throughput = await runRounds(
        rounds,
        {
          proxy: () => measureThroughput(proxyChat, 50, roundSeconds),
          chat: () => measureThroughput(gatewayChat, 50, roundSeconds),
          responses: () => measureThroughput(gatewayResponses, 50, roundSeconds),
        },
        settleMs,
      );
      const latency = await runRounds(
        rounds,
        {
          proxy: () => measureLatency(proxyChat, latencyRequests, 100),
          gateway: () => measureLatency(gatewayChat, latencyRequests, 100),
        },
        settleMs,
      );
      const rps = (name: keyof typeof throughput) =>
        throughput[name].map((figures) => figures.requestsPerSecond);
      const failures = (runs: ThroughputFigures[]) =>
        runs.reduce((sum, figures) => sum + figures.errors + figures.non2xx, 0);
      const chat = pairedRatio(rps("chat"), rps("proxy"));
      const responses = pairedRatio(rps("responses"), rps("proxy"));
      results.figures.chatPassthrough = {
        gatewayRps: median(rps("chat")),
        bareProxyRps: median(rps("proxy")),
        ratio: chat.value,
        ratioRange: range(chat),
        target: ">= 0.90",
        errors: failures(throughput.chat) + failures(throughput.proxy),
      };
      results.figures.responsesFromChat = {
        gatewayRps: median(rps("responses")),
        bareProxyRps: median(rps("proxy")),
        ratio: responses.value,
        ratioRange: range(responses),
        target: ">= 0.80",
        errors: failures(throughput.responses),
      };
      const p50 = (runs: LatencyFigures[]) => runs.map((figures) => figures.p50Us);
      const p99 = (runs: LatencyFigures[]) => runs.map((figures) => figures.p99Us);
      const addedP50 = pairedDifference(p50(latency.gateway), p50(latency.proxy));
      const addedP99 = pairedDifference(p99(latency.gateway), p99(latency.proxy));
      results.figures.addedLatency = {
        gatewayP50Us: median(p50(latency.gateway)),
        bareProxyP50Us: median(p50(latency.proxy)),
        addedP50Us: addedP50.value,
        addedP50RangeUs: range(addedP50),
        gatewayP99Us: median(p99(latency.gateway)),
        bareProxyP99Us: median(p99(latency.proxy)),
        addedP99Us: addedP99.value,
        target: "added p50 <= 50 us, added p99 < 1000 us",
        errors: [...latency.gateway, ...latency.proxy].reduce((sum, figures) => sum + figures.errors, 0),
      };
    });
  }

  // 4: streaming /v1/responses from a Chat upstream, at saturation (no gap) and for time to first byte
  // (20 ms gap), in alternating rounds like the non-streaming figures.
  {
    const streamRounds = async (intervalMs: number, chunks: number, concurrency: number, total?: number) => {
      const upstream = await startUpstreamProcess({ latencyMs: 0, chunks, intervalMs }, 1);
      const proxy = await startProxyProcess(upstream.port, 0);
      const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
      const options = {
        concurrency,
        stallMs: Math.max(1000, intervalMs * 20),
        ...(total ? { total } : { seconds: roundSeconds }),
      };
      const proxyTarget = target(proxy.port, "/v1/chat/completions", chatBody("deepseek-chat", true));
      const gatewayTarget = target(gateway.port, "/v1/responses", responsesBody("deepseek-chat", true));
      const measurements = {
        proxy: () => measureStreams(proxyTarget, { ...options, terminal: "[DONE]" }),
        gateway: () => measureStreams(gatewayTarget, { ...options, terminal: "response.completed" }),
      };
      return withProcesses([upstream, proxy, gateway], async () => {
        // One untimed run of each warms both up.
        await measurements.proxy();
        await measurements.gateway();
        return runRounds(rounds, measurements, settleMs);
      });
    };
    const saturated = await streamRounds(0, chunksPerStream, 32);
    // Time to first byte needs only the start of a stream: shorter paced streams (16 chunks, 20 ms apart)
    // buy more streams per round, so the median rests on 40 of them rather than a handful.
    const paced = await streamRounds(20, 16, 4, quick ? 12 : 40);
    const perSecond = (runs: StreamFigures[], key: "streamsPerSecond" | "eventsPerSecond") =>
      runs.map((figures) => figures[key]);
    const ttfb = (runs: StreamFigures[]) => runs.map((figures) => figures.ttfbP50Ms);
    const ratio = pairedRatio(
      perSecond(saturated.gateway, "streamsPerSecond"),
      perSecond(saturated.proxy, "streamsPerSecond"),
    );
    const addedTtfb = pairedDifference(ttfb(paced.gateway), ttfb(paced.proxy));
    const sum = (runs: StreamFigures[], key: "errors" | "dropped" | "stalled") =>
      runs.reduce((total, figures) => total + figures[key], 0);
    const gatewayRuns = [...saturated.gateway, ...paced.gateway];
    const proxyRuns = [...saturated.proxy, ...paced.proxy];
    results.figures.streaming = {
      gatewayEventsPerSecond: median(perSecond(saturated.gateway, "eventsPerSecond")),
      bareProxyEventsPerSecond: median(perSecond(saturated.proxy, "eventsPerSecond")),
      // Responses emits ~12 more events per stream than Chat has chunks, so the ratio compares upstream
      // chunks relayed per second (completed streams x chunks), not raw event counts.
      gatewayChunksPerSecond: Math.round(
        median(perSecond(saturated.gateway, "streamsPerSecond")) * chunksPerStream,
      ),
      bareProxyChunksPerSecond: Math.round(
        median(perSecond(saturated.proxy, "streamsPerSecond")) * chunksPerStream,
      ),
      ratio: ratio.value,
      ratioRange: range(ratio),
      target: ">= 0.75",
      gatewayTtfbP50Ms: median(ttfb(paced.gateway)),
      bareProxyTtfbP50Ms: median(ttfb(paced.proxy)),
      addedTtfbMs: addedTtfb.value,
      addedTtfbRangeMs: range(addedTtfb),
      ttfbTarget: "added <= 1 ms",
      errors: sum(gatewayRuns, "errors") + sum(proxyRuns, "errors"),
      dropped: sum(gatewayRuns, "dropped") + sum(proxyRuns, "dropped"),
      stalled: sum(gatewayRuns, "stalled") + sum(proxyRuns, "stalled"),
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
      const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
      const idleHeap = await readRuntimeMemory(gatewayUrl);
      let peak = idle;
      const sampler = setInterval(() => {
        peak = Math.max(peak, residentSetSize(gateway.process.pid) ?? 0);
      }, 100);
      // The V8 heap beside the RSS, from the gateway's own /metrics, to tell live objects from heap V8 keeps.
      const peakHeap = { ...idleHeap };
      const heapSampler = setInterval(() => {
        readRuntimeMemory(gatewayUrl).then(
          (sample) => {
            peakHeap.heapTotalMb = Math.max(peakHeap.heapTotalMb, sample.heapTotalMb);
            peakHeap.heapUsedMb = Math.max(peakHeap.heapUsedMb, sample.heapUsedMb);
            peakHeap.newSpaceMb = Math.max(peakHeap.newSpaceMb, sample.newSpaceMb);
          },
          () => {},
        );
      }, 500);
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
      clearInterval(heapSampler);
      results.figures.memory = {
        concurrentStreams: streams,
        idleRssMb: idle / 2 ** 20,
        peakRssMb: peak / 2 ** 20,
        addedMb: (peak - idle) / 2 ** 20,
        target: "<= 100 MB above idle",
        idleHeapTotalMb: idleHeap.heapTotalMb,
        peakHeapTotalMb: peakHeap.heapTotalMb,
        idleHeapUsedMb: idleHeap.heapUsedMb,
        peakHeapUsedMb: peakHeap.heapUsedMb,
        idleNewSpaceMb: idleHeap.newSpaceMb,
        peakNewSpaceMb: peakHeap.newSpaceMb,
        streamTtfbP50Ms: run.ttfbP50Ms,
        errors: run.errors,
        dropped: run.dropped,
        stalled: run.stalled,
      };
    });
  }

  // 6-7: stored responses on the embedded SQLite store: store on against store: false in the same gateway,
  // and the gateway's own time per turn along a 100-turn previous_response_id chain.
  {
    const upstream = await startUpstreamProcess({ latencyMs: 0, chunks: chunksPerStream, intervalMs: 0 }, 1);
    const gateway = await startGatewayProcess(upstream.port, gatewayPort, 0);
    await withProcesses([upstream, gateway], async () => {
      const options: StatefulBenchOptions = {
        gatewayUrl: `http://127.0.0.1:${gateway.port}`,
        headers,
        rounds,
        roundSeconds,
        warmupSeconds,
        latencyRequests,
        settleMs,
        chainTurns: 100,
        range,
      };
      results.figures.responsesStored = await measureStoreOverhead(options);
      results.figures.chainTurns = await measureChain(options);
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
