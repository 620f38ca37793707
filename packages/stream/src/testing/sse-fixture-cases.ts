import type { Warning } from "@switchyard/core";
import { type FixtureCase, loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import type { SseTranscoder } from "../sse/sse-transcoder";
import { feed } from "./sse-frames";

/** One golden case of an SSE-to-SSE pair, as its tests see it. */
export interface SseFixtureCase<Options> {
  fixture: FixtureCase;
  /** The case's `options.json`. */
  options: Options;
  /** The case's `input.sse` bytes. */
  input: Uint8Array;
  /** Runs a fresh transcoder over the input, fed `size` bytes at a time (all at once when omitted). */
  run(size?: number): { text: string; warnings: Warning[] };
}

/**
 * Declares the golden tests every SSE-to-SSE pair shares (at least 20 cases; per case the expected warnings
 * and the same bytes when fed one byte at a time); `tests` declares the pair's own tests of each case.
 */
export function describeSseFixtures<Options>(
  pair: string,
  create: (options: Options) => SseTranscoder,
  tests: (fixtureCase: SseFixtureCase<Options>) => void,
): void {
  const cases = loadFixtureCases(pair);

  describe(`${pair} golden fixtures`, () => {
    it("has at least 20 cases", () => {
      expect(cases.length).toBeGreaterThanOrEqual(20);
    });

    for (const fixture of cases) {
      describe(fixture.name, () => {
        const options = fixture.readJson<Options>("options.json");
        const input = fixture.readBytes("input.sse");
        const run = (size?: number) => {
          const transcoder = create(options);
          return { text: feed(transcoder, input, size), warnings: transcoder.warnings };
        };

        tests({ fixture, options, input, run });

        it("reports the expected warnings", () => {
          expect(run().warnings).toEqual(fixture.readJsonOr<Warning[]>("expected-warnings.json", []));
        });

        it("gives the same bytes when fed one byte at a time", () => {
          expect(run(1).text).toBe(run().text);
        });
      });
    }
  });
}
