import { describe, expect, it } from "vitest";
import { HealthTracker, OPTIMISTIC_PRIOR } from "./health-tracker";
import { fakeClock } from "./test-helpers";

describe("HealthTracker", () => {
  it("answers the optimistic prior for an offering without data", () => {
    const tracker = new HealthTracker(fakeClock().now);
    expect(tracker.get("openai:gpt-4o")).toEqual({ ...OPTIMISTIC_PRIOR, observed: false });
  });

  it("takes the first sample as is, then moves by alpha", () => {
    const clock = fakeClock();
    const tracker = new HealthTracker(clock.now, { alpha: 0.5 });
    tracker.recordSuccess("k", { ttftMs: 800, tokensPerSecond: 40 });
    expect(tracker.get("k")).toMatchObject({
      ttftMs: 800,
      tokensPerSecond: 40,
      errorRate: 0,
      observed: true,
    });
    tracker.recordSuccess("k", { ttftMs: 400 });
    // 800 + 0.5 * (400 - 800)
    expect(tracker.get("k").ttftMs).toBe(600);
    tracker.recordFailure("k");
    // 0 + 0.5 * (1 - 0)
    expect(tracker.get("k").errorRate).toBe(0.5);
  });

  it("decays towards the prior with the half-life", () => {
    const clock = fakeClock();
    const tracker = new HealthTracker(clock.now, { halfLifeMs: 60_000 });
    tracker.recordSuccess("k", { ttftMs: 2_250 });
    tracker.recordFailure("k");
    clock.advance(60_000);
    // half of the distance to the prior (250 ms, error rate 0) remains after one half-life;
    // the error rate was 0 (success) then 0 + 0.3 * (1 - 0) = 0.3 (failure), now 0.15
    expect(tracker.get("k").ttftMs).toBe(1_250);
    expect(tracker.get("k").errorRate).toBeCloseTo(0.15, 12);
    clock.advance(60_000);
    expect(tracker.get("k").ttftMs).toBe(750);
  });

  it("ignores impossible measurements", () => {
    const tracker = new HealthTracker(fakeClock().now);
    tracker.recordTiming("k", { ttftMs: -5, tokensPerSecond: 0 });
    expect(tracker.get("k")).toMatchObject({
      ttftMs: OPTIMISTIC_PRIOR.ttftMs,
      tokensPerSecond: OPTIMISTIC_PRIOR.tokensPerSecond,
    });
  });
});
