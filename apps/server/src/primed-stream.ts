import { type StreamGuard, watchStream } from "./stream-guard";

/**
 * A stream whose first item has already been read. Reading it inside the router's attempt function makes
 * an upstream that fails before its first chunk fail over to the next candidate.
 */
export interface PrimedStream<Item> {
  /** Clock time the first item (or the end) arrived. */
  readonly firstAt: number;
  /** The first item, undefined when the stream was empty. */
  readonly first: Item | undefined;
  /** Every item, the first included. Read it once. */
  readonly items: AsyncIterable<Item>;
  /** Closes the upstream stream when it is abandoned before its end. */
  close(): Promise<void>;
}

/**
 * Reads the first item of `source` and returns a stream that replays it before the rest. Under a `guard`,
 * a wait for a later item longer than its idle limit, or the server's shutdown deadline, aborts the
 * upstream and makes the items throw the guard's error, which the relays send as the protocol's error.
 */
export async function primeStream<Item>(
  source: AsyncIterable<Item>,
  clock: () => number,
  guard?: StreamGuard,
): Promise<PrimedStream<Item>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const firstAt = clock();
  let firstPending = !first.done;
  const watch = guard === undefined || first.done ? undefined : watchStream(guard);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    watch?.release();
  };
  const items: AsyncIterable<Item> = {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Item>> => {
        if (firstPending) {
          firstPending = false;
          return first;
        }
        if (first.done) return first;
        if (watch === undefined) return iterator.next();
        try {
          const result = await watch.wait(iterator.next());
          if (result.done) release();
          return result;
        } catch (error) {
          release();
          throw error;
        }
      },
      return: async (): Promise<IteratorResult<Item>> => {
        release();
        await iterator.return?.();
        return { done: true, value: undefined };
      },
    }),
  };
  return {
    firstAt,
    first: first.done ? undefined : first.value,
    items,
    async close() {
      release();
      await iterator.return?.();
    },
  };
}
