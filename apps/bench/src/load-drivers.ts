import autocannon from "autocannon";
import { Agent, request } from "undici";

/** Figures of a fixed-concurrency non-streaming run. */
export interface ThroughputFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/** What every load run sends: a URL, headers and a JSON body. */
export interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Maximum non-streaming requests per second at fixed concurrency, with autocannon. */
export async function measureThroughput(
  target: Target,
  connections: number,
  seconds: number,
): Promise<ThroughputFigures> {
  const result = await autocannon({
    url: target.url,
    method: "POST",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const percentile = (sorted: number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;

/** Latency figures in microseconds. */
export interface LatencyFigures {
  p50Us: number;
  p99Us: number;
  errors: number;
}

/** Sequential requests (concurrency 1) timed with the high-resolution clock, after a warm-up. */
export async function measureLatency(target: Target, count: number, warmup = 200): Promise<LatencyFigures> {
  const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 60_000 });
  const samples: number[] = [];
  let errors = 0;
  for (let index = 0; index < warmup + count; index++) {
    const started = process.hrtime.bigint();
    try {
      const response = await request(target.url, {
        method: "POST",
        headers: target.headers,
        body: target.body,
        dispatcher,
      });
      await response.body.text();
      if (response.statusCode !== 200) errors++;
    } catch {
      errors++;
    }
    if (index >= warmup) samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  await dispatcher.close();
  samples.sort((a, b) => a - b);
  return { p50Us: percentile(samples, 0.5), p99Us: percentile(samples, 0.99), errors };
}

/** Figures of a streaming run. */
export interface StreamFigures {
  streams: number;
  events: number;
  eventsPerSecond: number;
  /** Completed streams per second, over the same measured time as `eventsPerSecond`. */
  streamsPerSecond: number;
  ttfbP50Ms: number;
  ttfbP99Ms: number;
  gapP99Ms: number;
  /** Streams with a gap between events above the stall threshold. */
  stalled: number;
  /** Streams that ended without their terminal frame. */
  dropped: number;
  errors: number;
}

/** What marks the last frame of a complete stream. */
export type StreamTerminal = "[DONE]" | "response.completed";

/**
 * Runs `concurrency` streaming clients back to back for `seconds` (or exactly `total` streams when given),
 * counting SSE events, time to first byte, gaps between events and stalls.
 */
export async function measureStreams(
  target: Target,
  options: {
    concurrency: number;
    seconds?: number;
    total?: number;
    terminal: StreamTerminal;
    stallMs: number;
    onAllOpen?: () => void;
  },
): Promise<StreamFigures> {
  const dispatcher = new Agent({ connections: options.concurrency + 16, keepAliveTimeout: 60_000 });
  const ttfbs: number[] = [];
  const gaps: number[] = [];
  let events = 0;
  let stalled = 0;
  let dropped = 0;
  let errors = 0;
  let streams = 0;
  let open = 0;
  const started = performance.now();
  const deadline =
    options.seconds === undefined ? Number.POSITIVE_INFINITY : started + options.seconds * 1000;
  let remaining = options.total ?? Number.POSITIVE_INFINITY;

  const runOne = async () => {
    const begin = performance.now();
    let last = begin;
    let first = true;
    let sawTerminal = false;
    let worstGap = 0;
    let pending = "";
    try {
      const response = await request(target.url, {
        method: "POST",
        headers: target.headers,
        body: target.body,
        dispatcher,
      });
      if (response.statusCode !== 200) {
        errors++;
        await response.body.text();
        return;
      }
      open++;
      if (open === options.concurrency) options.onAllOpen?.();
      for await (const chunk of response.body) {
        const now = performance.now();
        if (first) {
          ttfbs.push(now - begin);
          first = false;
        } else {
          gaps.push(now - last);
          worstGap = Math.max(worstGap, now - last);
        }
        last = now;
        pending += chunk.toString();
        let boundary = pending.indexOf("\n\n");
        while (boundary !== -1) {
          const frame = pending.slice(0, boundary);
          pending = pending.slice(boundary + 2);
          events++;
          if (frame.includes(options.terminal)) sawTerminal = true;
          boundary = pending.indexOf("\n\n");
        }
      }
      streams++;
      if (!sawTerminal) dropped++;
      if (worstGap > options.stallMs) stalled++;
    } catch {
      errors++;
    }
  };

  const worker = async () => {
    while (performance.now() < deadline && remaining > 0) {
      remaining--;
      await runOne();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  ttfbs.sort((a, b) => a - b);
  gaps.sort((a, b) => a - b);
  return {
    streams,
    events,
    eventsPerSecond: events / elapsedSeconds,
    streamsPerSecond: streams / elapsedSeconds,
    ttfbP50Ms: percentile(ttfbs, 0.5),
    ttfbP99Ms: percentile(ttfbs, 0.99),
    gapP99Ms: percentile(gaps, 0.99),
    stalled,
    dropped,
    errors,
  };
}
