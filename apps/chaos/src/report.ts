/** The counts of one chaos run. */
export interface ChaosCounts {
  badInputs: {
    tried: number;
    clean4xx: number;
    namingField: number;
    withFieldPath: number;
    served5xxOrWorse: number;
  };
  afterBadInputs: { tried: number; served: number };
  faults: { injected: number; failedOver: number; served: number; failedCleanly: number; unclean: number };
  streams: { started: number; intact: number; terminalError: number; broken: number };
  secrets: { answersScanned: number; leaking: number };
  memory: { peakRssMb: number; peakHeapMb: number; startRssMb: number };
  durationS: number;
}

const row = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;

/** The one table a chaos run prints (Markdown, so it pastes into the README as it is). */
export function chaosTable(counts: ChaosCounts): string {
  const { badInputs, afterBadInputs, faults, streams, secrets, memory } = counts;
  return [
    row(["check", "tried", "ok", "not ok"]),
    row(["---", "---:", "---", "---:"]),
    row([
      "bad inputs: a clean 4xx, naming the field where one is at fault",
      badInputs.tried,
      `${badInputs.clean4xx} clean 4xx; ${badInputs.withFieldPath} of ${badInputs.namingField} name the field path`,
      badInputs.tried - badInputs.clean4xx + (badInputs.namingField - badInputs.withFieldPath),
    ]),
    row([
      "normal requests right after the bad inputs (another client)",
      afterBadInputs.tried,
      `${afterBadInputs.served} served`,
      afterBadInputs.tried - afterBadInputs.served,
    ]),
    row([
      "faults injected at the first candidate (every endpoint, provider path, stream and whole)",
      faults.injected,
      `${faults.failedOver} failed over, ${faults.failedCleanly} failed cleanly, ${faults.served} served (slow but whole)`,
      faults.unclean,
    ]),
    row([
      "streams started",
      streams.started,
      `${streams.intact} ended intact, ${streams.terminalError} with a terminal error event`,
      streams.broken,
    ]),
    row([
      "answers scanned for upstream keys, hosts and paths",
      secrets.answersScanned,
      `${secrets.answersScanned - secrets.leaking} clean`,
      secrets.leaking,
    ]),
    row([
      "peak memory of the process (gateway, fakes and clients)",
      "",
      `${memory.peakRssMb} MB RSS (${memory.startRssMb} MB at start), ${memory.peakHeapMb} MB V8 heap`,
      "",
    ]),
  ].join("\n");
}

/** Samples the process's memory until stopped, keeping the peaks. */
export function sampleMemory(everyMs = 20): {
  stop(): { peakRssMb: number; peakHeapMb: number; startRssMb: number };
} {
  const toMb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMb: toMb(peakRss), peakHeapMb: toMb(peakHeap), startRssMb: toMb(start.rss) };
    },
  };
}
