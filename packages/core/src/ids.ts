/** Makes a fresh id with the given prefix, such as `resp`, `msg`, `fc` or `call`. Injected for determinism. */
export type IdGenerator = (prefix: string) => string;

/** Milliseconds since the epoch. Injected wherever time matters, so tests can fix it. */
export type Clock = () => number;

/** The system clock. */
export const systemClock: Clock = () => Date.now();

/** Ids of 24 random hex characters after the prefix, from the platform's Web Crypto. */
export function createRandomIdGenerator(): IdGenerator {
  const bytes = new Uint8Array(12);
  return (prefix) => {
    crypto.getRandomValues(bytes);
    let hex = "";
    for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
    return `${prefix}_${hex}`;
  };
}

/** Deterministic ids for tests: `msg_1`, `msg_2`, `fc_1`, ... counted per prefix. */
export function createSequentialIdGenerator(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}_${next}`;
  };
}
