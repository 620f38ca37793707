import { createSequentialIdGenerator, type Warning } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { GeminiResponseSchema } from "./gemini-api";
import { geminiResponseToChat } from "./gemini-response";

const cases = loadFixtureCases("gemini-response-to-chat");
const brief = (warnings: Warning[]) => warnings.map(({ type, code }) => ({ type, code }));
const clock = () => 1_700_000_000_000;

describe("gemini-response-to-chat fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const response = GeminiResponseSchema.parse(fixture.readJson("input.json"));
    const options = fixture.readJsonOr<{ model?: string }>("options.json", {});
    const { value, warnings } = geminiResponseToChat(response, {
      ids: createSequentialIdGenerator(),
      clock,
      ...options,
    });
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(brief(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});
