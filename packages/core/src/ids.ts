/** Makes a fresh id with the given prefix, such as `resp`, `msg`, `fc` or `call`. Injected for determinism. */
export type IdGenerator = (prefix: string) => string;

/** Milliseconds since the epoch. Injected wherever time matters, so tests can fix it. */
export type Clock = () => number;

/** The system clock. */
export const systemClock: Clock = () => Date.now();

const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * Ids of 24 random hex characters after the prefix, from the platform's Web Crypto. Random bytes are drawn
 * 4 KiB at a time: one `getRandomValues` call per id was a measurable share of a request's CPU time.
 */
export function createRandomIdGenerator(): IdGenerator {
  const pool = new Uint8Array(4096);
  let offset = pool.length;
  return (prefix) => {
    if (offset + 12 > pool.length) {
      crypto.getRandomValues(pool);
      offset = 0;
    }
    let hex = "";
    for (let index = offset; index < offset + 12; index++) hex += hexOfByte[pool[index]!];
    offset += 12;
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
