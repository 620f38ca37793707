import { GatewayError, type Translation, type Warning } from "@switchyard/core";
import type { FixtureCase } from "@switchyard/core/testing";
import { expect } from "vitest";

/** What an `expected-error.json` holds. */
export interface ExpectedError {
  status: number;
  code: string | null;
  param: string | null;
  type?: string;
}

/** A warning as fixtures state it: its type and code (messages are prose, not contract). */
export interface ExpectedWarning {
  type: string;
  code: string;
}

const byCode = (left: ExpectedWarning, right: ExpectedWarning): number =>
  left.code.localeCompare(right.code) || left.type.localeCompare(right.type);

/** Warnings reduced to `{type, code}`, sorted, for comparison with `expected-warnings.json`. */
export const warningKeys = (warnings: readonly Warning[]): ExpectedWarning[] =>
  warnings.map(({ type, code }) => ({ type, code })).sort(byCode);

/**
 * Runs one golden case: a translation that must either equal `expected.json` with exactly the warnings of
 * `expected-warnings.json` (none when absent), or throw the `GatewayError` of `expected-error.json`.
 */
export function checkGoldenCase<T>(fixture: FixtureCase, translate: () => Translation<T>): void {
  if (fixture.has("expected-error.json")) {
    const expected = fixture.readJson<ExpectedError>("expected-error.json");
    let thrown: unknown;
    try {
      translate();
    } catch (error) {
      thrown = error;
    }
    expect(thrown, "the translation should throw a GatewayError").toBeInstanceOf(GatewayError);
    const error = thrown as GatewayError;
    expect({ status: error.status, code: error.code, param: error.param }).toEqual({
      status: expected.status,
      code: expected.code,
      param: expected.param,
    });
    if (expected.type !== undefined) expect(error.type).toBe(expected.type);
    return;
  }
  const { value, warnings } = translate();
  expect(JSON.parse(JSON.stringify(value))).toEqual(fixture.readJson("expected.json"));
  const expectedWarnings = fixture.readJsonOr<ExpectedWarning[]>("expected-warnings.json", []);
  expect(warningKeys(warnings)).toEqual([...expectedWarnings].sort(byCode));
}
