import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  createSseParser,
  GatewayError,
  type Warning,
} from "@switchyard/core";
import { type FixtureCase, loadFixtureCases, splitBytes } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { GeminiResponseSchema } from "./gemini-api";
import { createGeminiStreamTranscoder } from "./gemini-stream";

const cases = loadFixtureCases("gemini-stream-to-chat");
const brief = (warnings: Warning[]) => warnings.map(({ type, code }) => ({ type, code }));
const clock = () => 1_700_000_000_000;

/** Runs the fixture's SSE bytes, cut into `size`-byte pieces, through the parser and the transcoder. */
function run(fixture: FixtureCase, size: number) {
  const options = fixture.readJsonOr<{ model?: string }>("options.json", {});
  const transcoder = createGeminiStreamTranscoder({ ids: createSequentialIdGenerator(), clock, ...options });
  const parser = createSseParser();
  const chunks: ChatCompletionChunk[] = [];
  let error: unknown;
  try {
    const feed = (events: { data: string }[]) => {
      for (const event of events)
        chunks.push(...transcoder.push(GeminiResponseSchema.parse(JSON.parse(event.data))));
    };
    for (const piece of splitBytes(fixture.readBytes("input.sse"), size)) feed(parser.push(piece));
    feed(parser.end());
    chunks.push(...transcoder.end());
  } catch (caught) {
    error = caught;
  }
  return { chunks, error, warnings: transcoder.warnings };
}

describe("gemini-stream-to-chat fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const whole = run(fixture, 1 << 20);
    expect(whole.chunks).toEqual(fixture.readJson("expected.json"));
    expect(brief(whole.warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
    if (fixture.has("expected-error.json")) {
      expect(whole.error).toBeInstanceOf(GatewayError);
      const error = whole.error as GatewayError;
      expect({ status: error.status, code: error.code, type: error.type }).toEqual(
        fixture.readJson("expected-error.json"),
      );
    } else {
      expect(whole.error).toBeUndefined();
    }
    const byteByByte = run(fixture, 1);
    expect(byteByByte.chunks).toEqual(whole.chunks);
  });
});
