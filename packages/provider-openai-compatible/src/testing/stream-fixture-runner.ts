/** Test helper shared with providers built on this one (`@switchyard/provider-openai-compatible/testing`). */
import { type ChatCompletionChunk, createSequentialIdGenerator, type Warning } from "@switchyard/core";
import { type FixtureCase, splitBytes } from "@switchyard/core/testing";
import { expect } from "vitest";
import { createToolCallIdMap } from "../mistral-tool-call-ids";
import type { OpenAICompatiblePreset } from "../openai-compatible-preset";
import { createOpenAICompatibleStreamDecoder } from "../openai-compatible-stream";

/** Decodes a whole SSE body fed in pieces of `size` bytes; returns chunks, warnings and the error thrown. */
export function decodeStream(
  bytes: Uint8Array,
  preset: OpenAICompatiblePreset,
  providerName: string,
  size: number,
) {
  const decoder = createOpenAICompatibleStreamDecoder({
    preset,
    providerName,
    toolCallIds: createToolCallIdMap(preset.toolCallIds),
    ids: createSequentialIdGenerator(),
  });
  const chunks: ChatCompletionChunk[] = [];
  let error: unknown;
  try {
    for (const piece of splitBytes(bytes, size)) chunks.push(...decoder.push(piece));
    chunks.push(...decoder.end());
  } catch (thrown) {
    error = thrown;
  }
  return { chunks, warnings: decoder.warnings as Warning[], error };
}

/** Checks one stream fixture (`input.sse` -> `expected.json`), whole and split at every byte. */
export function checkStreamFixture(
  fixture: FixtureCase,
  preset: OpenAICompatiblePreset,
  providerName: string,
): void {
  const bytes = fixture.readBytes("input.sse");
  for (const size of [bytes.length, 1, 7]) {
    const { chunks, warnings, error } = decodeStream(bytes, preset, providerName, size);
    expect(chunks).toEqual(fixture.readJson("expected.json"));
    expect(warnings).toEqual(fixture.readJsonOr<Warning[]>("expected-warnings.json", []));
    if (fixture.has("expected-error.json"))
      expect(error).toMatchObject(fixture.readJson<Record<string, unknown>>("expected-error.json"));
    else expect(error).toBeUndefined();
  }
}
