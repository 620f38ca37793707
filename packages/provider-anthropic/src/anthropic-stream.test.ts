import { type ChatCompletionChunk, createSseParser, GatewayError, type Warning } from "@switchyard/core";
import { loadFixtureCases, splitBytes } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { type AnthropicStreamOptions, createAnthropicStreamTranscoder } from "./anthropic-stream";

const FIXED_CLOCK = () => 1_700_000_000_000;
const cases = loadFixtureCases("anthropic-stream-to-chat");
const codes = (warnings: readonly Warning[]) => warnings.map(({ type, code }) => ({ type, code }));

/** Runs SSE bytes, split into pieces of `size`, through the parser and the transcoder. */
function run(bytes: Uint8Array, size: number, options: AnthropicStreamOptions) {
  const parser = createSseParser();
  const transcoder = createAnthropicStreamTranscoder({ ...options, clock: FIXED_CLOCK });
  const chunks: ChatCompletionChunk[] = [];
  let error: unknown;
  try {
    for (const piece of splitBytes(bytes, size))
      for (const event of parser.push(piece)) chunks.push(...transcoder.push(event));
    for (const event of parser.end()) chunks.push(...transcoder.push(event));
    chunks.push(...transcoder.end());
  } catch (thrown) {
    error = thrown;
  }
  return { chunks, error, warnings: transcoder.warnings };
}

describe("anthropic-stream-to-chat golden fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const bytes = fixture.readBytes("input.sse");
    const options = fixture.readJsonOr<AnthropicStreamOptions>("options.json", {});
    it.each([bytes.length, 1, 7])("gives the expected chunks when fed %i bytes at a time", (size) => {
      const { chunks, error, warnings } = run(bytes, size, options);
      expect(chunks).toEqual(fixture.readJson("expected.json"));
      expect(codes(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
      if (fixture.has("expected-error.json")) {
        expect(error).toBeInstanceOf(GatewayError);
        expect(error).toMatchObject(fixture.readJson<Record<string, unknown>>("expected-error.json"));
      } else expect(error).toBeUndefined();
    });
  });
});
