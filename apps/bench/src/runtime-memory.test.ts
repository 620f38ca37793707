import { describe, expect, it } from "vitest";
import { parseRuntimeMemory } from "./runtime-memory";

describe("parseRuntimeMemory", () => {
  it("reads the heap series of a Prometheus exposition in MB", () => {
    const exposition = [
      "# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.",
      "# TYPE nodejs_heap_size_total_bytes gauge",
      "nodejs_heap_size_total_bytes 83886080",
      "nodejs_heap_size_used_bytes 52428800",
      'nodejs_heap_space_size_total_bytes{space="old"} 41943040',
      'nodejs_heap_space_size_total_bytes{space="new"} 134217728',
      "nodejs_heap_size_used_bytes_extra 1",
    ].join("\n");
    expect(parseRuntimeMemory(exposition)).toEqual({ heapTotalMb: 80, heapUsedMb: 50, newSpaceMb: 128 });
  });

  it("reads a missing series as NaN", () => {
    expect(parseRuntimeMemory("process_cpu_seconds_total 1").heapTotalMb).toBeNaN();
  });
});
