/** A key handed out by a `KeyPool`: the secret itself and its position, the only thing ever logged. */
export interface PooledKey {
  key: string;
  index: number;
}

/** Options of `KeyPool`. */
export interface KeyPoolOptions {
  /** How long a rate-limited key rests when the upstream sent no retry-after (default 30 s). */
  defaultRestMs?: number;
}

interface KeyState {
  key: string;
  restingUntil: number;
  retired: boolean;
  lastUsed: number;
}

/**
 * The API keys of one provider. Requests go to the usable key used least recently, so load spreads evenly;
 * a key that got 429 rests for the upstream's retry-after (or `defaultRestMs`); a key that got 401 is
 * retired for the life of the pool. Keys are referred to by position (`key #2`), never by value.
 */
export class KeyPool {
  private readonly states: KeyState[];
  private readonly defaultRestMs: number;
  private uses = 0;

  constructor(keys: readonly string[], options: KeyPoolOptions = {}) {
    this.states = keys.map((key) => ({ key, restingUntil: 0, retired: false, lastUsed: -1 }));
    this.defaultRestMs = options.defaultRestMs ?? 30_000;
  }

  /** The number of keys in the pool. */
  get size(): number {
    return this.states.length;
  }

  /** The usable key used least recently at `now`, marked as used; undefined when every key rests or is retired. */
  acquire(now: number): PooledKey | undefined {
    let chosen: number | undefined;
    for (const [index, state] of this.states.entries()) {
      if (!this.isUsable(state, now)) continue;
      if (chosen === undefined || state.lastUsed < this.states[chosen]!.lastUsed) chosen = index;
    }
    if (chosen === undefined) return undefined;
    this.states[chosen]!.lastUsed = this.uses++;
    return { key: this.states[chosen]!.key, index: chosen };
  }

  /** Whether some key other than `except` is usable at `now`. */
  hasUsableKey(now: number, except?: number): boolean {
    return this.states.some((state, index) => index !== except && this.isUsable(state, now));
  }

  /** When the earliest resting key becomes usable again; undefined when none rests (all usable or retired). */
  nextUsableAt(): number | undefined {
    const resting = this.states.filter((state) => !state.retired).map((state) => state.restingUntil);
    return resting.length === 0 ? undefined : Math.min(...resting);
  }

  /** Rests a key after a 429 for `retryAfterMs` (or the default). */
  onRateLimited(index: number, now: number, retryAfterMs?: number): void {
    const state = this.states[index];
    if (state) state.restingUntil = Math.max(state.restingUntil, now + (retryAfterMs ?? this.defaultRestMs));
  }

  /** Retires a key after a 401. */
  onUnauthorized(index: number): void {
    const state = this.states[index];
    if (state) state.retired = true;
  }

  /** Whether the key at `index` has been retired. */
  isRetired(index: number): boolean {
    return this.states[index]?.retired ?? false;
  }

  /** Replaces every key of the pool in `text` with its position, so no message can carry a secret. */
  redact(text: string): string {
    let redacted = text;
    for (const [index, state] of this.states.entries()) {
      if (state.key.length > 0) redacted = redacted.split(state.key).join(`[key #${index + 1}]`);
    }
    return redacted;
  }

  private isUsable(state: KeyState, now: number): boolean {
    return !state.retired && state.restingUntil <= now;
  }
}
