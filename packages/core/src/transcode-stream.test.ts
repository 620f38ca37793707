import { describe, expect, it } from "vitest";
import type { Warning } from "./gateway/warning";
import { type PushTranscoder, pumpTranscoder } from "./transcode-stream";

const warning = (code: string): Warning => ({ type: "unknown_event", code, message: `skipped ${code}` });

/** Doubles each number; warns on odd ones; `end()` emits the count; a negative input throws. */
function createDoubler(): PushTranscoder<number, number> & { readonly warnings: Warning[] } {
  const warnings: Warning[] = [];
  let count = 0;
  return {
    warnings,
    push(input) {
      if (input % 2 !== 0) warnings.push(warning(`odd:${input}`));
      if (input < 0) throw new Error(`negative ${input}`);
      count += 1;
      return [input * 2];
    },
    end() {
      warnings.push(warning("end"));
      return [count];
    },
  };
}

async function* from<T>(values: T[]): AsyncGenerator<T> {
  yield* values;
}

describe("pumpTranscoder", () => {
  it("yields every push's outputs, then end's, and appends each warning once", async () => {
    const warnings: Warning[] = [warning("request")];
    const outputs: number[] = [];
    for await (const output of pumpTranscoder(from([1, 2, 3]), createDoubler(), warnings))
      outputs.push(output);
    expect(outputs).toEqual([2, 4, 6, 3]);
    expect(warnings.map((entry) => entry.code)).toEqual(["request", "odd:1", "odd:3", "end"]);
  });

  it("reports a push's warnings before its outputs are yielded", async () => {
    const warnings: Warning[] = [];
    const seen: string[][] = [];
    for await (const _ of pumpTranscoder(from([1, 2]), createDoubler(), warnings)) {
      seen.push(warnings.map((entry) => entry.code));
    }
    expect(seen).toEqual([["odd:1"], ["odd:1"], ["odd:1", "end"]]);
  });

  it("keeps the warnings recorded before a failure and rethrows it", async () => {
    const warnings: Warning[] = [];
    const outputs: number[] = [];
    const reading = (async () => {
      for await (const output of pumpTranscoder(from([2, -3, 4]), createDoubler(), warnings))
        outputs.push(output);
    })();
    await expect(reading).rejects.toThrow("negative -3");
    expect(outputs).toEqual([4]);
    expect(warnings.map((entry) => entry.code)).toEqual(["odd:-3"]);
  });

  it("stops without calling end when the reader returns early", async () => {
    const warnings: Warning[] = [];
    const transcoder = createDoubler();
    for await (const output of pumpTranscoder(from([1, 2, 3]), transcoder, warnings)) {
      expect(output).toBe(2);
      break;
    }
    expect(warnings.map((entry) => entry.code)).toEqual(["odd:1"]);
    expect(transcoder.warnings.map((entry) => entry.code)).toEqual(["odd:1"]);
  });
});
