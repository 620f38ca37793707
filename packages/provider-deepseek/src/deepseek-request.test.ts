import { ChatCompletionRequestSchema, GatewayError, parseOrThrow, type Warning } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { chatRequestToDeepSeek } from "./deepseek-request";

const byCode = (warnings: readonly Warning[]) =>
  [...warnings].sort((left, right) => `${left.code}${left.type}`.localeCompare(`${right.code}${right.type}`));

describe("chat-request-to-deepseek", () => {
  const cases = loadFixtureCases("chat-request-to-deepseek");

  it("has at least twelve cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = parseOrThrow(ChatCompletionRequestSchema, fixture.readJson("input.json"));
    if (fixture.has("expected-error.json")) {
      expect(() => chatRequestToDeepSeek(request)).toThrow(GatewayError);
      try {
        chatRequestToDeepSeek(request);
      } catch (error) {
        expect(error).toMatchObject(fixture.readJson<Record<string, unknown>>("expected-error.json"));
      }
      return;
    }
    const translation = chatRequestToDeepSeek(request);
    expect(translation.value).toEqual(fixture.readJson("expected.json"));
    expect(byCode(translation.warnings)).toEqual(
      byCode(fixture.readJsonOr<Warning[]>("expected-warnings.json", [])),
    );
  });
});
