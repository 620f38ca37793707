import { ChatCompletionRequestSchema, GatewayError, parseOrThrow, type Warning } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createToolCallIdMap, toNineAlphanumericId } from "./mistral-tool-call-ids";
import type { PresetName } from "./openai-compatible-preset";
import { chatRequestToOpenAICompatible } from "./openai-compatible-request";
import { openAICompatiblePresets } from "./presets";

const byCode = (warnings: readonly Warning[]) =>
  [...warnings].sort((left, right) => `${left.code}${left.type}`.localeCompare(`${right.code}${right.type}`));

const presetNames = Object.keys(openAICompatiblePresets) as PresetName[];

describe.each(presetNames)("chat-request-to-%s", (name) => {
  const cases = loadFixtureCases(`chat-request-to-${name}`);

  it("has at least three cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = parseOrThrow(ChatCompletionRequestSchema, fixture.readJson("input.json"));
    const translate = () =>
      chatRequestToOpenAICompatible(request, { preset: openAICompatiblePresets[name], providerName: name });
    if (fixture.has("expected-error.json")) {
      const expected = fixture.readJson<{ status: number; code: string; param: string }>(
        "expected-error.json",
      );
      expect(translate).toThrow(GatewayError);
      try {
        translate();
      } catch (error) {
        expect(error).toMatchObject(expected);
      }
      return;
    }
    const translation = translate();
    expect(translation.value).toEqual(fixture.readJson("expected.json"));
    expect(byCode(translation.warnings)).toEqual(
      byCode(fixture.readJsonOr<Warning[]>("expected-warnings.json", [])),
    );
  });
});

describe("Mistral tool call ids", () => {
  it("keeps ids that are already nine alphanumerics", () => {
    expect(toNineAlphanumericId("gSIMJiOkT")).toBe("gSIMJiOkT");
  });

  it("rewrites other ids to nine alphanumerics, the same way every time", () => {
    for (const id of ["call_abc123", "toolu_01VpEm654HvfMoRcrE3Hgdc6", "", "x", "call-with-ünïcode"]) {
      const rewritten = toNineAlphanumericId(id);
      expect(rewritten).toMatch(/^[A-Za-z0-9]{9}$/);
      expect(toNineAlphanumericId(id)).toBe(rewritten);
    }
    expect(toNineAlphanumericId("call_1")).not.toBe(toNineAlphanumericId("call_2"));
  });

  it("maps rewritten ids back and leaves unknown ids alone", () => {
    const ids = createToolCallIdMap("nine-alphanumeric");
    const upstream = ids.toUpstream("call_abc123");
    expect(upstream).toBe("oIyCCMTWr");
    expect(ids.restore(upstream)).toBe("call_abc123");
    expect(ids.restore("fresh1234")).toBe("fresh1234");
  });

  it("is stable across turns: a longer conversation keeps the earlier ids", () => {
    const first = createToolCallIdMap("nine-alphanumeric");
    const second = createToolCallIdMap("nine-alphanumeric");
    const turnOne = ["call_a"].map((id) => first.toUpstream(id));
    const turnTwo = ["call_a", "call_b"].map((id) => second.toUpstream(id));
    expect(turnTwo[0]).toBe(turnOne[0]);
  });

  it("leaves ids alone for servers without a rule", () => {
    expect(createToolCallIdMap("any").toUpstream("call_abc123")).toBe("call_abc123");
  });
});
