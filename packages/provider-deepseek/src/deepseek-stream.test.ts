import { loadFixtureCases } from "@switchyard/core/testing";
import { checkStreamFixture } from "@switchyard/provider-openai-compatible/testing";
import { describe, expect, it } from "vitest";
import { deepSeekPreset } from "./deepseek-preset";

describe("deepseek-stream-to-chat", () => {
  const cases = loadFixtureCases("deepseek-stream-to-chat");
  it("has at least eight cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    checkStreamFixture(fixture, deepSeekPreset, "deepseek");
  });
});
