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

describe("cache_control TTLs", () => {
  const withTtl = (ttl: string): ChatCompletionRequest => ({
    model: "claude-sonnet-4-6",
    messages: [
      { role: "user", content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral", ttl } }] },
    ],
  });

  it.each(["5m", "1h"])("sends Anthropic's TTL %s as it is", (ttl) => {
    const { value } = chatRequestToAnthropic(withTtl(ttl));
    expect(value.body.messages[0]?.content).toEqual([
      { type: "text", text: "hi", cache_control: { type: "ephemeral", ttl } },
    ]);
  });

  it("answers a TTL Anthropic does not offer with a 400 naming the field, before any call", () => {
    expect(() => chatRequestToAnthropic(withTtl("2h"))).toThrow(
      expect.objectContaining({ status: 400, param: "cache_control.ttl" }),
    );
  });
});
