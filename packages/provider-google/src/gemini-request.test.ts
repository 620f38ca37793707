import {
  ChatCompletionRequestSchema,
  GatewayError,
  type ModelInfo,
  parseOrThrow,
  type Warning,
} from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER } from "./convert-to-gemini-contents";
import { chatRequestToGemini } from "./gemini-request";

const cases = loadFixtureCases("chat-request-to-gemini");
const brief = (warnings: Warning[]) => warnings.map(({ type, code }) => ({ type, code }));

describe("chat-request-to-gemini fixtures", () => {
  it("has at least 25 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = parseOrThrow(ChatCompletionRequestSchema, fixture.readJson("input.json"));
    const options = fixture.readJsonOr<{ model?: ModelInfo }>("options.json", {});
    if (fixture.has("expected-error.json")) {
      const expected = fixture.readJson<{ status: number; code: string | null; param: string }>(
        "expected-error.json",
      );
      let thrown: unknown;
      try {
        chatRequestToGemini(request, options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GatewayError);
      const error = thrown as GatewayError;
      expect({ status: error.status, code: error.code, param: error.param }).toEqual(expected);
      return;
    }
    const { value, warnings } = chatRequestToGemini(request, options);
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(brief(warnings)).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});

describe("chatRequestToGemini", () => {
  it("never sends the gateway field nor the model in the body", () => {
    const { value } = chatRequestToGemini({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "Hi" }],
      gateway: { routing: { optimize: "latency" } },
    });
    expect(value).not.toHaveProperty("gateway");
    expect(value).not.toHaveProperty("model");
  });

  it("uses the documented placeholder only for Gemini 3 models", () => {
    const history = {
      messages: [
        { role: "user" as const, content: "Go" },
        {
          role: "assistant" as const,
          content: null,
          tool_calls: [{ id: "x", type: "function" as const, function: { name: "f", arguments: "{}" } }],
        },
        { role: "tool" as const, tool_call_id: "x", content: "done" },
      ],
    };
    const signatureOf = (model: string) =>
      chatRequestToGemini({ model, ...history }).value.contents[1]?.parts?.[0]?.thoughtSignature;
    expect(signatureOf("gemini-3-flash-preview")).toBe(GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER);
    expect(signatureOf("gemini-flash-latest")).toBe(GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER);
    expect(signatureOf("gemini-2.5-pro")).toBeUndefined();
    expect(GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER).toBe("skip_thought_signature_validator");
  });

  it("requires a model", () => {
    expect(() => chatRequestToGemini({ messages: [{ role: "user", content: "Hi" }] })).toThrow(GatewayError);
  });
});
