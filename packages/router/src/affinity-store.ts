/** Options of `AffinityStore`. */
export interface AffinityStoreOptions {
  /** How long an unused affinity lasts, in ms (default 10 minutes, about the life of a provider prompt cache). */
  ttlMs?: number;
  /** Most affinities kept; the least recently used is dropped first (default 10,000). */
  maxEntries?: number;
}

/** Affinity key -> offering key that last served it, bounded in size and age. */
export class AffinityStore {
  private readonly entries = new Map<string, { offeringKey: string; usedAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: AffinityStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 600_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** The offering key stuck to `affinityKey` at `now`, if any and not expired. */
  get(affinityKey: string, now: number): string | undefined {
    const entry = this.entries.get(affinityKey);
    if (entry === undefined) return undefined;
    if (now - entry.usedAt > this.ttlMs) {
      this.entries.delete(affinityKey);
      return undefined;
    }
    return entry.offeringKey;
  }

  /** Sticks `affinityKey` to `offeringKey` as of `now`. */
  set(affinityKey: string, offeringKey: string, now: number): void {
    this.entries.delete(affinityKey);
    this.entries.set(affinityKey, { offeringKey, usedAt: now });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets `affinityKey` if it points at `offeringKey`. */
  drop(affinityKey: string, offeringKey: string): void {
    if (this.entries.get(affinityKey)?.offeringKey === offeringKey) this.entries.delete(affinityKey);
  }
}
