/** The V8 heap figures the gateway exports on `/metrics` (prom-client's runtime metrics), in MB. */
export interface RuntimeMemory {
  heapTotalMb: number;
  heapUsedMb: number;
  /** Size of the young generation (`nodejs_heap_space_size_total_bytes{space="new"}`). */
  newSpaceMb: number;
}

const sampleOf = (exposition: string, series: string): number => {
  const line = exposition.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1)) / 2 ** 20;
};

/** Reads the heap figures out of a Prometheus exposition; a missing series reads as NaN. */
export function parseRuntimeMemory(exposition: string): RuntimeMemory {
  return {
    heapTotalMb: sampleOf(exposition, "nodejs_heap_size_total_bytes"),
    heapUsedMb: sampleOf(exposition, "nodejs_heap_size_used_bytes"),
    newSpaceMb: sampleOf(exposition, 'nodejs_heap_space_size_total_bytes{space="new"}'),
  };
}

/** Fetches the gateway's `/metrics` and reads its heap figures. */
export async function readRuntimeMemory(baseUrl: string): Promise<RuntimeMemory> {
  const response = await fetch(`${baseUrl}/metrics`);
  return parseRuntimeMemory(await response.text());
}
