import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { KeyPool } from "./key-pool";

describe("KeyPool", () => {
  it("spreads requests across keys, least recently used first", () => {
    const pool = new KeyPool(["sk-a", "sk-b", "sk-c"]);
    const used = Array.from({ length: 6 }, () => pool.acquire(0)!.index);
    expect(used).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it("rests a rate-limited key for retry-after (or the default) and retires an unauthorized one for its back-off", () => {
    const pool = new KeyPool(["sk-a", "sk-b", "sk-c"], { defaultRestMs: 5_000 });
    pool.onRateLimited(0, 0, 2_000);
    pool.onUnauthorized(1);
    pool.onRateLimited(2, 0);
    expect(pool.acquire(1_999)).toBeUndefined();
    expect(pool.hasUsableKey(1_999)).toBe(false);
    expect(pool.nextUsableAt()).toBe(2_000);
    expect(pool.acquire(2_000)?.index).toBe(0);
    expect(pool.acquire(4_999)?.index).toBe(0);
    expect(pool.acquire(5_000)?.index).toBe(2);
    expect(pool.isRetired(1)).toBe(true);
    expect(Array.from({ length: 4 }, () => pool.acquire(10_000)!.index)).not.toContain(1);
  });

  it("probes a retired key again after its back-off, one probe at a time, doubling after each failed probe", () => {
    const pool = new KeyPool(["sk-a"], { unauthorizedBackoffMs: 1_000, maxUnauthorizedBackoffMs: 3_000 });
    pool.onUnauthorized(0, 0);
    expect(pool.acquire(999)).toBeUndefined();
    expect(pool.nextUsableAt()).toBe(1_000);
    expect(pool.acquire(1_000)?.index).toBe(0);
    // The probe is out: nobody else gets the key until it is answered.
    expect(pool.acquire(1_001)).toBeUndefined();
    pool.onUnauthorized(0, 1_100);
    expect(pool.nextUsableAt()).toBe(3_100);
    expect(pool.acquire(3_100)?.index).toBe(0);
    pool.onUnauthorized(0, 3_200);
    expect(pool.nextUsableAt()).toBe(6_200); // capped at 3 s
    expect(pool.acquire(6_200)?.index).toBe(0);
    pool.onAccepted(0);
    expect(pool.isRetired(0)).toBe(false);
    expect(pool.acquire(6_201)?.index).toBe(0);
    pool.onUnauthorized(0, 7_000);
    expect(pool.nextUsableAt()).toBe(8_000); // the back-off starts over after a success
  });

  it("hands out the key that rests least when asked to, and keeps a 401 to answer while all are retired", () => {
    const pool = new KeyPool(["sk-a", "sk-b"], { defaultRestMs: 5_000 });
    pool.onRateLimited(0, 0, 9_000);
    pool.onRateLimited(1, 0);
    expect(pool.acquire(0)).toBeUndefined();
    expect(pool.hasRestingKey(0)).toBe(true);
    expect(pool.acquireLeastResting(0)?.index).toBe(1);
    expect(pool.unauthorizedAnswer()).toBeUndefined();

    const error = new GatewayError({ status: 401, message: "invalid x-api-key" });
    pool.onUnauthorized(0, 100, error);
    pool.onUnauthorized(1, 200, error);
    expect(pool.hasRestingKey(300)).toBe(false);
    expect(pool.acquireLeastResting(300)).toBeUndefined();
    expect(pool.unauthorizedAnswer()).toEqual({ error, probeAt: 30_100 });
  });

  it("removes every key from a text", () => {
    const pool = new KeyPool(["sk-secret-1", "sk-secret-2"]);
    expect(pool.redact("Incorrect API key provided: sk-secret-2 (and sk-secret-1)")).toBe(
      "Incorrect API key provided: [key #2] (and [key #1])",
    );
  });
});
