import { Agent, request } from "undici";
import { type LatencyFigures, measureLatency, measureThroughput, type Target } from "./load-drivers";
import { median, type PairedFigure, pairedDifference, pairedRatio, runRounds } from "./rounds";

/** What the stateful figures need of the run: its round settings and the gateway's base URL. */
export interface StatefulBenchOptions {
  gatewayUrl: string;
  headers: Record<string, string>;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  latencyRequests: number;
  settleMs: number;
  /** Turns of the chain (100). */
  chainTurns: number;
  range(figure: PairedFigure): string;
}

const MODEL = "deepseek-chat";

/**
 * `/v1/responses` with `store` on (the default: every response written to SQLite) as a ratio of
 * `store: false`, measured in alternating rounds against the same gateway, plus the added p99.
 */
export async function measureStoreOverhead(
  options: StatefulBenchOptions,
): Promise<Record<string, number | string>> {
  const body = (store: boolean) =>
    JSON.stringify({ model: MODEL, store, input: "Say something about foxes." });
  const target = (store: boolean): Target => ({
    url: `${options.gatewayUrl}/v1/responses`,
    headers: options.headers,
    body: body(store),
  });
  const stored = target(true);
  const unstored = target(false);
  for (const warm of [stored, unstored]) await measureThroughput(warm, 50, options.warmupSeconds);
  const throughput = await runRounds(
    options.rounds,
    {
      stored: () => measureThroughput(stored, 50, options.roundSeconds),
      unstored: () => measureThroughput(unstored, 50, options.roundSeconds),
    },
    options.settleMs,
  );
  const latency = await runRounds(
    options.rounds,
    {
      stored: () => measureLatency(stored, options.latencyRequests, 100),
      unstored: () => measureLatency(unstored, options.latencyRequests, 100),
    },
    options.settleMs,
  );
  const rps = (runs: { requestsPerSecond: number }[]) => runs.map((figures) => figures.requestsPerSecond);
  const p99 = (runs: LatencyFigures[]) => runs.map((figures) => figures.p99Us);
  const ratio = pairedRatio(rps(throughput.stored), rps(throughput.unstored));
  const addedP99 = pairedDifference(p99(latency.stored), p99(latency.unstored));
  const failures = [...throughput.stored, ...throughput.unstored].reduce(
    (sum, figures) => sum + figures.errors + figures.non2xx,
    0,
  );
  return {
    storedRps: median(rps(throughput.stored)),
    unstoredRps: median(rps(throughput.unstored)),
    ratio: ratio.value,
    ratioRange: options.range(ratio),
    target: ">= 0.85",
    storedP99Us: median(p99(latency.stored)),
    unstoredP99Us: median(p99(latency.unstored)),
    addedP99Us: addedP99.value,
    addedP99RangeUs: options.range(addedP99),
    p99Target: "added < 1000 us",
    errors:
      failures + [...latency.stored, ...latency.unstored].reduce((sum, figures) => sum + figures.errors, 0),
  };
}

interface TimedTurn {
  id: string;
  micros: number;
}

async function postTimed(
  dispatcher: Agent,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<TimedTurn> {
  const started = process.hrtime.bigint();
  const response = await request(url, { method: "POST", headers, body: JSON.stringify(body), dispatcher });
  const text = await response.body.text();
  const micros = Number(process.hrtime.bigint() - started) / 1000;
  if (response.statusCode !== 200)
    throw new Error(`turn failed with ${response.statusCode}: ${text.slice(0, 200)}`);
  return { id: (JSON.parse(text) as { id: string }).id, micros };
}

/**
 * The gateway's own time per turn along a `previous_response_id` chain. Each turn is timed twice on the
 * same gateway: continuing the stored chain, and as `store: false` with the same full history sent in
 * `input` (what a stateless client does). The difference is what the chain costs the gateway: reading it
 * (one query) and writing the turn. It is reported at turns 10, 50 and 100, with the history size, so its
 * growth can be set against the history's.
 */
export async function measureChain(options: StatefulBenchOptions): Promise<Record<string, number | string>> {
  const url = `${options.gatewayUrl}/v1/responses`;
  const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 60_000 });
  const history: unknown[] = [];
  const chained: number[] = [];
  const stateless: number[] = [];
  let previous: string | undefined;
  try {
    for (let turn = 1; turn <= options.chainTurns; turn++) {
      const input = `Turn ${turn}: say something about foxes.`;
      const continued = await postTimed(dispatcher, url, options.headers, {
        model: MODEL,
        input,
        ...(previous === undefined ? {} : { previous_response_id: previous }),
      });
      const unstored = await postTimed(dispatcher, url, options.headers, {
        model: MODEL,
        store: false,
        input: [...history, { role: "user", content: input }],
      });
      chained.push(continued.micros);
      stateless.push(unstored.micros);
      history.push({ role: "user", content: input }, { role: "assistant", content: "Foxes are quick." });
      previous = continued.id;
    }
  } finally {
    await dispatcher.close();
  }
  // Each figure is the median over 5 turns around the named one, to smooth single slow requests.
  const around = (values: number[], turn: number) =>
    median(values.slice(Math.max(0, turn - 3), Math.min(values.length, turn + 2)));
  const added = (turn: number) => around(chained, turn) - around(stateless, turn);
  const figures: Record<string, number | string> = {};
  for (const turn of [10, 50, options.chainTurns]) {
    figures[`turn${turn}ChainedUs`] = around(chained, turn);
    figures[`turn${turn}StatelessUs`] = around(stateless, turn);
    figures[`turn${turn}AddedUs`] = added(turn);
  }
  const last = options.chainTurns;
  figures["historyGrowth"] = (2 * last - 1) / (2 * 10 - 1);
  figures["chainedGrowth"] = around(chained, last) / around(chained, 10);
  figures["target"] = "chainedGrowth <= historyGrowth (one chain read per turn)";
  return figures;
}
