/** A conformance expectation that did not hold. */
export class ConformanceFailure extends Error {
  override readonly name = "ConformanceFailure";
}

/** Fails with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/** Fails unless `actual` and `expected` are equal as JSON values, naming `what`. */
export function ensureEqual(actual: unknown, expected: unknown, what: string): void {
  const actualJson = JSON.stringify(actual);
  const expectedJson = JSON.stringify(expected);
  if (actualJson !== expectedJson) {
    throw new ConformanceFailure(`${what}: expected ${expectedJson}, got ${actualJson}`);
  }
}

/** Runs `action` and returns what it threw; fails if it did not throw. */
export async function thrownBy(action: () => Promise<unknown>, what: string): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new ConformanceFailure(`${what}: expected an error, but the call succeeded`);
}
