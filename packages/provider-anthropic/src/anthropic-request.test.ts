import type { ChatCompletionRequest, Warning } from "@switchyard/core";
import { GatewayError } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { type AnthropicRequestOptions, chatRequestToAnthropic } from "./anthropic-request";

const cases = loadFixtureCases("chat-request-to-anthropic");
const codes = (warnings: readonly Warning[]) => warnings.map(({ type, code }) => ({ type, code }));

describe("chat-request-to-anthropic golden fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = fixture.readJson<ChatCompletionRequest>("input.json");
    const options = fixture.readJsonOr<AnthropicRequestOptions>("options.json", {});
    if (fixture.has("expected-error.json")) {
      const expected = fixture.readJson<{ status: number; code?: string; param?: string }>(
        "expected-error.json",
      );
      let thrown: unknown;
      try {
        chatRequestToAnthropic(request, options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GatewayError);
      expect(thrown).toMatchObject(expected);
      return;
    }
    const { value, warnings } = chatRequestToAnthropic(request, options);
    expect(value.body).toEqual(fixture.readJson("expected.json"));
    const extras = fixture.readJsonOr("expected-extras.json", { betas: [], toolNames: {} });
    expect({
      betas: value.betas,
      toolNames: value.toolNames,
      structuredOutputTool: value.structuredOutputTool,
    }).toEqual({ structuredOutputTool: undefined, ...extras });
    expect(codes(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});
