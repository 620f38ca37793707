import { AnthropicMessageSchema } from "@switchyard/anthropic-api";
import type { Warning } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { type AnthropicResponseOptions, anthropicResponseToChat } from "./anthropic-response";

/** Fixed clock of every golden case: created = 1700000000. */
const FIXED_CLOCK = () => 1_700_000_000_000;

const cases = loadFixtureCases("anthropic-response-to-chat");
const codes = (warnings: readonly Warning[]) => warnings.map(({ type, code }) => ({ type, code }));

describe("anthropic-response-to-chat golden fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const message = AnthropicMessageSchema.parse(fixture.readJson("input.json"));
    const options = fixture.readJsonOr<AnthropicResponseOptions>("options.json", {});
    const { value, warnings } = anthropicResponseToChat(message, { ...options, clock: FIXED_CLOCK });
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(codes(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});
