import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors";
import { loadFixtureCases } from "../testing/fixtures";
import { parseOrThrow } from "../validation";
import type { ChatCompletionChunk } from "./chat-chunk";
import { ChatCompletionRequestSchema } from "./chat-request";
import type { ChatCompletionResponse } from "./chat-response";
import {
  createLegacyFunctionChunkMapper,
  liftLegacyFunctions,
  toLegacyFunctionCompletion,
  usesLegacyFunctions,
} from "./legacy-function-calling";

const warningKeys = (warnings: readonly { type: string; code: string }[]) =>
  warnings.map(({ type, code }) => ({ type, code }));

describe("liftLegacyFunctions golden cases", () => {
  const cases = loadFixtureCases("chat-legacy-functions-to-tools");
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(5));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = parseOrThrow(ChatCompletionRequestSchema, fixture.readJson("input.json"));
    expect(usesLegacyFunctions(request)).toBe(true);
    const expectedError = fixture.readJsonOr<{ status: number; param: string } | undefined>(
      "expected-error.json",
      undefined,
    );
    if (expectedError !== undefined) {
      let error: unknown;
      try {
        liftLegacyFunctions(request);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject(expectedError);
      return;
    }
    const lifted = liftLegacyFunctions(request);
    expect(lifted).toEqual(fixture.readJson("expected.json"));
    // The lifted request is a valid modern request.
    expect(parseOrThrow(ChatCompletionRequestSchema, lifted)).toEqual(lifted);
  });
});

describe("toLegacyFunctionCompletion golden cases", () => {
  const cases = loadFixtureCases("chat-tools-to-legacy-functions");
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const { value, warnings } = toLegacyFunctionCompletion(
      fixture.readJson<ChatCompletionResponse>("input.json"),
    );
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(warningKeys(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});

describe("createLegacyFunctionChunkMapper golden cases", () => {
  const cases = loadFixtureCases("chat-stream-tools-to-legacy-functions");
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const mapper = createLegacyFunctionChunkMapper();
    const chunks = fixture.readJson<ChatCompletionChunk[]>("input.json").map((chunk) => mapper.push(chunk));
    expect(chunks).toEqual(fixture.readJson("expected.json"));
    expect(warningKeys(mapper.warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});
