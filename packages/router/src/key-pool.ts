import type { GatewayError } from "@switchyard/core";

/** A key handed out by a `KeyPool`: the secret itself and its position, the only thing ever logged. */
export interface PooledKey {
  key: string;
  index: number;
}

/** Options of `KeyPool`. */
export interface KeyPoolOptions {
  /** How long a rate-limited key rests when the upstream sent no retry-after (default 5 s). */
  defaultRestMs?: number;
  /** How long a key that got 401 waits before it is probed again (default 30 s); doubled per failed probe. */
  unauthorizedBackoffMs?: number;
  /** The longest wait between two probes of an unauthorized key (default 15 minutes). */
  maxUnauthorizedBackoffMs?: number;
}

interface KeyState {
  key: string;
  restingUntil: number;
  /** Set by a 401 and cleared by the next success: the key waits for its probe until `retiredUntil`. */
  retired: boolean;
  retiredUntil: number;
  backoffMs: number;
  /** The upstream's 401, answered again while no key of the pool can be tried. */
  unauthorized?: GatewayError;
  lastUsed: number;
}

/**
 * The API keys of one provider. Requests go to the usable key used least recently, so load spreads evenly.
 * A key that got 429 rests for the upstream's retry-after (or `defaultRestMs`). A key that got 401 is
 * retired, and probed again after a back-off (one request at a time, the back-off doubling after each
 * failed probe); a success brings it back. Keys are referred to by position (`key #2`), never by value.
 */
export class KeyPool {
  private readonly states: KeyState[];
  private readonly defaultRestMs: number;
  private readonly unauthorizedBackoffMs: number;
  private readonly maxUnauthorizedBackoffMs: number;
  private uses = 0;

  constructor(keys: readonly string[], options: KeyPoolOptions = {}) {
    this.defaultRestMs = options.defaultRestMs ?? 5_000;
    this.unauthorizedBackoffMs = options.unauthorizedBackoffMs ?? 30_000;
    this.maxUnauthorizedBackoffMs = options.maxUnauthorizedBackoffMs ?? 900_000;
    this.states = keys.map((key) => ({
      key,
      restingUntil: 0,
      retired: false,
      retiredUntil: 0,
      backoffMs: this.unauthorizedBackoffMs,
      lastUsed: -1,
    }));
  }

  /** The number of keys in the pool. */
  get size(): number {
    return this.states.length;
  }

  /**
   * The usable key used least recently at `now`, marked as used; undefined when every key rests or is
   * retired. A retired key whose back-off ended is handed out as its probe, and waits again meanwhile.
   */
  acquire(now: number): PooledKey | undefined {
    let chosen: number | undefined;
    for (const [index, state] of this.states.entries()) {
      if (!this.isUsable(state, now)) continue;
      if (chosen === undefined || state.lastUsed < this.states[chosen]!.lastUsed) chosen = index;
    }
    if (chosen === undefined) return undefined;
    return this.use(chosen, now);
  }

  /**
   * The rate-limited key whose rest ends first, marked as used, ignoring its rest: what the router tries
   * when no candidate has a usable key left. Undefined when no key rests (all usable or retired).
   */
  acquireLeastResting(now: number): PooledKey | undefined {
    let chosen: number | undefined;
    for (const [index, state] of this.states.entries()) {
      if (state.retired || state.restingUntil <= now) continue;
      if (chosen === undefined || state.restingUntil < this.states[chosen]!.restingUntil) chosen = index;
    }
    return chosen === undefined ? undefined : this.use(chosen, now);
  }

  /** Whether some key other than `except` is usable at `now`. */
  hasUsableKey(now: number, except?: number): boolean {
    return this.states.some((state, index) => index !== except && this.isUsable(state, now));
  }

  /** Whether some key is resting after a 429 at `now` (and not retired). */
  hasRestingKey(now: number): boolean {
    return this.states.some((state) => !state.retired && state.restingUntil > now);
  }

  /** When the earliest unusable key becomes usable again (its rest or its probe back-off ends). */
  nextUsableAt(): number | undefined {
    if (this.states.length === 0) return undefined;
    return Math.min(
      ...this.states.map((state) => Math.max(state.restingUntil, state.retired ? state.retiredUntil : 0)),
    );
  }

  /**
   * The upstream's 401 of the retired key probed next, with when that probe is due; undefined unless
   * every key is retired.
   */
  unauthorizedAnswer(): { error: GatewayError; probeAt: number } | undefined {
    if (this.states.length === 0 || this.states.some((state) => !state.retired)) return undefined;
    const next = this.states.reduce((best, state) => (state.retiredUntil < best.retiredUntil ? state : best));
    return next.unauthorized === undefined
      ? undefined
      : { error: next.unauthorized, probeAt: next.retiredUntil };
  }

  /** Rests a key after a 429 for `retryAfterMs` (or the default). */
  onRateLimited(index: number, now: number, retryAfterMs?: number): void {
    const state = this.states[index];
    if (state) state.restingUntil = Math.max(state.restingUntil, now + (retryAfterMs ?? this.defaultRestMs));
  }

  /**
   * Retires a key after a 401 until its next probe, `unauthorizedBackoffMs` after the first 401 and twice
   * as long after each failed probe. `error` (already free of keys) is answered while no key can be tried.
   */
  onUnauthorized(index: number, now = 0, error?: GatewayError): void {
    const state = this.states[index];
    if (!state) return;
    if (state.retired) state.backoffMs = Math.min(state.backoffMs * 2, this.maxUnauthorizedBackoffMs);
    state.retired = true;
    state.retiredUntil = now + state.backoffMs;
    if (error !== undefined) state.unauthorized = error;
  }

  /** Records an answer the key was accepted for: a retired key is back, its back-off reset. */
  onAccepted(index: number): void {
    const state = this.states[index];
    if (!state?.retired) return;
    state.retired = false;
    state.retiredUntil = 0;
    state.backoffMs = this.unauthorizedBackoffMs;
    delete state.unauthorized;
  }

  /** Whether the key at `index` is retired (waiting for, or in, its probe after a 401). */
  isRetired(index: number): boolean {
    return this.states[index]?.retired ?? false;
  }

  /** The rate-limit rest a key gets without retry-after. */
  get defaultRest(): number {
    return this.defaultRestMs;
  }

  /** Replaces every key of the pool in `text` with its position, so no message can carry a secret. */
  redact(text: string): string {
    let redacted = text;
    for (const [index, state] of this.states.entries()) {
      if (state.key.length > 0) redacted = redacted.split(state.key).join(`[key #${index + 1}]`);
    }
    return redacted;
  }

  private use(index: number, now: number): PooledKey {
    const state = this.states[index]!;
    state.lastUsed = this.uses++;
    // A retired key's probe: nobody else uses the key until the probe is answered.
    if (state.retired) state.retiredUntil = now + state.backoffMs;
    return { key: state.key, index };
  }

  private isUsable(state: KeyState, now: number): boolean {
    return state.restingUntil <= now && (!state.retired || state.retiredUntil <= now);
  }
}
