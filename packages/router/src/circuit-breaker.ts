/** `closed`: calls flow. `open`: no calls until the cooldown ends. `half-open`: one probe call decides. */
export type BreakerState = "closed" | "open" | "half-open";

/** Options of `CircuitBreaker`. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker (default 3). */
  failureThreshold?: number;
  /** First cooldown in ms (default 30 s); doubled each time a probe fails. */
  cooldownMs?: number;
  /** Longest cooldown in ms (default 5 minutes). */
  maxCooldownMs?: number;
}

/**
 * A circuit breaker for one offering. After `failureThreshold` consecutive failures it opens for a cooldown;
 * then the first caller gets the single half-open probe while others keep skipping the offering. A probe that
 * succeeds closes the breaker; one that fails reopens it for twice the previous cooldown (up to the maximum).
 * Time comes from the caller, so the breaker is deterministic under an injected clock.
 */
export class CircuitBreaker {
  private phase: BreakerState = "closed";
  private consecutiveFailures = 0;
  private openUntil = 0;
  private currentCooldownMs: number;
  private probeInFlight = false;
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly maxCooldownMs: number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.maxCooldownMs = options.maxCooldownMs ?? 300_000;
    this.currentCooldownMs = this.cooldownMs;
  }

  /** The state at `now` (an open breaker whose cooldown ended reads as half-open). */
  state(now: number): BreakerState {
    if (this.phase === "open" && now >= this.openUntil) return "half-open";
    return this.phase;
  }

  /** Whether a call may be made at `now`, without claiming the probe. */
  isAvailable(now: number): boolean {
    const state = this.state(now);
    return state === "closed" || (state === "half-open" && !this.probeInFlight);
  }

  /** Claims permission for a call at `now`; in half-open state only the first caller gets it (the probe). */
  tryAcquire(now: number): boolean {
    const state = this.state(now);
    if (state === "closed") return true;
    if (state === "open" || this.probeInFlight) return false;
    this.phase = "half-open";
    this.probeInFlight = true;
    return true;
  }

  /** When an open breaker lets its probe through, or undefined when it is not open. */
  retryAt(): number | undefined {
    return this.phase === "open" ? this.openUntil : undefined;
  }

  /** Records a success: the breaker closes. */
  onSuccess(): void {
    this.phase = "closed";
    this.consecutiveFailures = 0;
    this.currentCooldownMs = this.cooldownMs;
    this.probeInFlight = false;
  }

  /**
   * Gives back a claimed probe without a verdict (the call failed for a reason unrelated to the offering,
   * such as a rate-limited key): the next caller may probe at once.
   */
  release(now: number): void {
    if (this.phase === "half-open" && this.probeInFlight) {
      this.phase = "open";
      this.openUntil = now;
      this.probeInFlight = false;
    }
  }

  /** Records a failure at `now`. */
  onFailure(now: number): void {
    if (this.phase === "half-open") {
      this.currentCooldownMs = Math.min(this.currentCooldownMs * 2, this.maxCooldownMs);
      this.open(now);
      return;
    }
    if (this.phase === "open") return; // a call started before the breaker opened; already counted
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.failureThreshold) this.open(now);
  }

  private open(now: number): void {
    this.phase = "open";
    this.openUntil = now + this.currentCooldownMs;
    this.probeInFlight = false;
  }
}
