import { describe, expect, it } from "vitest";
import { median, pairedDifference, pairedRatio, runRounds } from "./rounds";

describe("median", () => {
  it.each([
    [[], Number.NaN],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])("of %j is %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe("runRounds", () => {
  it("runs every measurement once per round, in turn", async () => {
    const calls: string[] = [];
    let tick = 0;
    const results = await runRounds(3, {
      proxy: async () => {
        calls.push("proxy");
        return tick++;
      },
      gateway: async () => {
        calls.push("gateway");
        return tick++;
      },
    });
    expect(calls).toEqual(["proxy", "gateway", "proxy", "gateway", "proxy", "gateway"]);
    expect(results).toEqual({ proxy: [0, 2, 4], gateway: [1, 3, 5] });
  });
});

describe("paired figures", () => {
  it("pair each round with its own, so a drifting machine cancels out", () => {
    // The machine halves its speed in round 2: both sides see it, and every per-round ratio is 0.5.
    expect(pairedRatio([50, 25, 50], [100, 50, 100])).toEqual({ value: 0.5, low: 0.5, high: 0.5 });
    expect(pairedDifference([300, 900, 320], [100, 600, 100])).toEqual({
      value: 220,
      low: 200,
      high: 300,
    });
  });
});
