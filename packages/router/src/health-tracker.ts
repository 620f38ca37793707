import type { Clock } from "@switchyard/core";

/** What the router believes of an offering: time to first token, output speed and error rate. */
export interface HealthEstimate {
  ttftMs: number;
  tokensPerSecond: number;
  /** Share of recent attempts that failed, in [0, 1]. */
  errorRate: number;
  /** Whether any observation backs the estimate (otherwise it is the prior). */
  observed: boolean;
}

/** Options of `HealthTracker`. */
export interface HealthTrackerOptions {
  /** Weight of a new observation in the moving average (default 0.3). */
  alpha?: number;
  /** Time for an observation's pull away from the prior to halve (default 5 minutes). */
  halfLifeMs?: number;
  /** The estimate of an offering without data; optimistic so that new offerings get tried. */
  prior?: Omit<HealthEstimate, "observed">;
}

/** The default prior: fast and reliable, better than most measured offerings. */
export const OPTIMISTIC_PRIOR: Omit<HealthEstimate, "observed"> = {
  ttftMs: 250,
  tokensPerSecond: 200,
  errorRate: 0,
};

interface Average {
  value: number;
  at: number;
}

/**
 * Exponentially weighted moving averages per offering, decaying towards the prior as they age: an estimate
 * observed `t` ms ago counts `0.5^(t / halfLifeMs)` of its distance from the prior. A slow or failing offering
 * thus regains the optimistic prior over time and is tried again, and fresh data always outweighs stale data.
 */
export class HealthTracker {
  private readonly alpha: number;
  private readonly halfLifeMs: number;
  private readonly prior: Omit<HealthEstimate, "observed">;
  private readonly averages = new Map<string, Partial<Record<keyof typeof OPTIMISTIC_PRIOR, Average>>>();

  constructor(
    private readonly clock: Clock,
    options: HealthTrackerOptions = {},
  ) {
    this.alpha = options.alpha ?? 0.3;
    this.halfLifeMs = options.halfLifeMs ?? 300_000;
    this.prior = options.prior ?? OPTIMISTIC_PRIOR;
  }

  /** The current estimate for an offering key. */
  get(key: string): HealthEstimate {
    const entry = this.averages.get(key);
    return {
      ttftMs: this.read(entry?.ttftMs, this.prior.ttftMs),
      tokensPerSecond: this.read(entry?.tokensPerSecond, this.prior.tokensPerSecond),
      errorRate: this.read(entry?.errorRate, this.prior.errorRate),
      observed: entry !== undefined,
    };
  }

  /** Records a successful attempt, with whatever was measured of it. */
  recordSuccess(key: string, measured: { ttftMs?: number; tokensPerSecond?: number } = {}): void {
    this.update(key, "errorRate", 0);
    this.recordTiming(key, measured);
  }

  /** Records measurements of an answer already counted as a success (ttft, speed), without an error sample. */
  recordTiming(key: string, measured: { ttftMs?: number; tokensPerSecond?: number }): void {
    if (measured.ttftMs !== undefined && measured.ttftMs >= 0) this.update(key, "ttftMs", measured.ttftMs);
    if (measured.tokensPerSecond !== undefined && measured.tokensPerSecond > 0) {
      this.update(key, "tokensPerSecond", measured.tokensPerSecond);
    }
  }

  /** Records a failed attempt (or an answer that failed after it started). */
  recordFailure(key: string): void {
    this.update(key, "errorRate", 1);
  }

  private read(average: Average | undefined, prior: number): number {
    if (average === undefined) return prior;
    const age = Math.max(0, this.clock() - average.at);
    return prior + (average.value - prior) * 0.5 ** (age / this.halfLifeMs);
  }

  private update(key: string, metric: keyof typeof OPTIMISTIC_PRIOR, sample: number): void {
    let entry = this.averages.get(key);
    if (entry === undefined) {
      entry = {};
      this.averages.set(key, entry);
    }
    const previous = entry[metric];
    const now = this.clock();
    // The first observation replaces the prior outright; later ones move the (decayed) average.
    const current = previous === undefined ? sample : this.read(previous, this.prior[metric]);
    const value = previous === undefined ? sample : current + this.alpha * (sample - current);
    entry[metric] = { value, at: now };
  }
}
