import { describe, expect, it } from "vitest";
import { KeyPool } from "./key-pool";

describe("KeyPool", () => {
  it("spreads requests across keys, least recently used first", () => {
    const pool = new KeyPool(["sk-a", "sk-b", "sk-c"]);
    const used = Array.from({ length: 6 }, () => pool.acquire(0)!.index);
    expect(used).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it("rests a rate-limited key for retry-after (or the default) and retires an unauthorized one", () => {
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

  it("removes every key from a text", () => {
    const pool = new KeyPool(["sk-secret-1", "sk-secret-2"]);
    expect(pool.redact("Incorrect API key provided: sk-secret-2 (and sk-secret-1)")).toBe(
      "Incorrect API key provided: [key #2] (and [key #1])",
    );
  });
});
