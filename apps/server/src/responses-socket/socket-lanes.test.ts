import { describe, expect, it } from "vitest";
import { createSocketLanes } from "./socket-lanes";

/** A job that finishes when the test says so, recording when it started. */
function gatedJobs() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const run = (name: string) => {
    started.push(name);
    return new Promise<void>((resolve) => gates.set(name, resolve));
  };
  const finish = async (name: string) => {
    gates.get(name)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, run, finish };
}

describe("createSocketLanes", () => {
  it("runs one lane in arrival order and different lanes at once", async () => {
    const jobs = gatedJobs();
    const lanes = createSocketLanes(jobs.run, { maxLanes: 4, maxQueued: 4 });
    expect(lanes.enqueue("a", "a1")).toBe("accepted");
    expect(lanes.enqueue("a", "a2")).toBe("accepted");
    expect(lanes.enqueue(undefined, "d1")).toBe("accepted");
    expect(jobs.started).toEqual(["a1", "d1"]);
    expect(lanes.busy).toBe(3);
    await jobs.finish("a1");
    expect(jobs.started).toEqual(["a1", "d1", "a2"]);
    await jobs.finish("a2");
    await jobs.finish("d1");
    expect(lanes.busy).toBe(0);
    await lanes.idle();
  });

  it("refuses lanes and queued jobs past its limits", () => {
    const jobs = gatedJobs();
    const lanes = createSocketLanes(jobs.run, { maxLanes: 1, maxQueued: 1 });
    expect(lanes.enqueue("a", "a1")).toBe("accepted");
    expect(lanes.enqueue("b", "b1")).toBe("too_many_streams");
    expect(lanes.enqueue("a", "a2")).toBe("accepted");
    expect(lanes.enqueue("a", "a3")).toBe("too_many_queued");
    expect(jobs.started).toEqual(["a1"]);
  });

  it("puts a successor first on its lane", async () => {
    const jobs = gatedJobs();
    const lanes = createSocketLanes(jobs.run, { maxLanes: 2, maxQueued: 2 });
    lanes.enqueue("a", "a1");
    lanes.enqueue("a", "a2");
    lanes.enqueueNext("a", "successor");
    await jobs.finish("a1");
    expect(jobs.started).toEqual(["a1", "successor"]);
  });
});
