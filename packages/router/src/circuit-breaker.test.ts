import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";
import { fakeClock } from "./test-helpers";

describe("CircuitBreaker", () => {
  it("opens after consecutive failures and recovers through one half-open probe", () => {
    const clock = fakeClock(0);
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000 });
    const now = () => clock.now();
    const fail = (times: number) => {
      for (let count = 0; count < times; count++) breaker.onFailure(now());
    };
    // Each step acts, then reads one value: [description, action, reading, expected reading].
    const steps: [string, () => void, () => unknown, unknown][] = [
      ["closed at first", () => {}, () => breaker.state(now()), "closed"],
      ["two failures keep it closed", () => fail(2), () => breaker.state(now()), "closed"],
      [
        "a success resets the count",
        () => {
          breaker.onSuccess();
          fail(2);
        },
        () => breaker.state(now()),
        "closed",
      ],
      ["the third consecutive failure opens it", () => fail(1), () => breaker.state(now()), "open"],
      ["open refuses calls", () => {}, () => breaker.tryAcquire(now()), false],
      [
        "still open just before the cooldown ends",
        () => clock.advance(9_999),
        () => breaker.state(now()),
        "open",
      ],
      ["half-open when the cooldown ends", () => clock.advance(1), () => breaker.state(now()), "half-open"],
      ["the first caller gets the probe", () => {}, () => breaker.tryAcquire(now()), true],
      ["a second caller does not", () => {}, () => breaker.tryAcquire(now()), false],
      ["nor is it available for selection", () => {}, () => breaker.isAvailable(now()), false],
      ["a failed probe reopens it", () => fail(1), () => breaker.state(now()), "open"],
      ["for twice the cooldown", () => {}, () => breaker.retryAt(), 30_000],
      ["half-open again after 20 s", () => clock.advance(20_000), () => breaker.tryAcquire(now()), true],
      ["a successful probe closes it", () => breaker.onSuccess(), () => breaker.state(now()), "closed"],
      ["and calls flow", () => {}, () => breaker.tryAcquire(now()), true],
    ];
    for (const [name, act, read, expected] of steps) {
      act();
      expect(read(), name).toEqual(expected);
    }
  });

  it("caps the cooldown", () => {
    const clock = fakeClock(0);
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, maxCooldownMs: 3_000 });
    breaker.onFailure(0);
    for (let round = 0; round < 4; round++) {
      clock.advance(breaker.retryAt()! - clock.now());
      expect(breaker.tryAcquire(clock.now())).toBe(true);
      breaker.onFailure(clock.now());
    }
    expect(breaker.retryAt()! - clock.now()).toBe(3_000);
  });

  it("gives a released probe to the next caller at once", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 });
    breaker.onFailure(0);
    expect(breaker.tryAcquire(1_000)).toBe(true);
    breaker.release(1_000);
    expect(breaker.tryAcquire(1_000)).toBe(true);
  });
});
