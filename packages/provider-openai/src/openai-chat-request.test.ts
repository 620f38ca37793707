import { ChatCompletionRequestSchema, type ModelInfo, type Warning } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import {
  applyOpenAIParameterRules,
  chatRequestToOpenAI,
  stripReasoningFromHistory,
} from "./openai-chat-request";

interface CaseOptions {
  stream?: boolean;
  model?: ModelInfo;
}

const byCode = (warnings: Pick<Warning, "type" | "code">[]) =>
  warnings.map(({ type, code }) => `${type}:${code}`).sort();

describe("chatRequestToOpenAI golden fixtures", () => {
  const cases = loadFixtureCases("chat-request-to-openai");

  it("has the documented cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const request = ChatCompletionRequestSchema.parse(fixture.readJson("input.json"));
    const options = fixture.readJsonOr<CaseOptions>("options.json", {});
    const { value, warnings } = chatRequestToOpenAI(request, {
      stream: options.stream ?? false,
      ...(options.model === undefined ? {} : { model: options.model }),
    });
    expect(value).toEqual(fixture.readJson("expected.json"));
    const expectedWarnings = fixture.readJson<Pick<Warning, "type" | "code">[]>("expected-warnings.json");
    expect(byCode(warnings)).toEqual(byCode(expectedWarnings));
    for (const warning of warnings) expect(warning.message).toContain(warning.code);
  });
});

describe("applyOpenAIParameterRules", () => {
  it("does not modify the request it is given", () => {
    const request = ChatCompletionRequestSchema.parse({
      model: "o3",
      messages: [{ role: "user", content: "Hi" }],
      temperature: 0.4,
      max_tokens: 10,
    });
    applyOpenAIParameterRules(request);
    expect(request.temperature).toBe(0.4);
    expect(request.max_tokens).toBe(10);
  });

  it("removes null sampling values without a warning", () => {
    const request = ChatCompletionRequestSchema.parse({
      model: "o3",
      messages: [{ role: "user", content: "Hi" }],
      temperature: null,
      top_p: null,
    });
    const { value, warnings } = applyOpenAIParameterRules(request);
    expect(value).not.toHaveProperty("temperature");
    expect(value).not.toHaveProperty("top_p");
    expect(warnings).toEqual([]);
  });

  it("throws a 400 naming 'model' when the request has none", () => {
    const request = ChatCompletionRequestSchema.parse({
      gateway: { models: ["gpt-4o"] },
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(() => applyOpenAIParameterRules(request)).toThrow(
      expect.objectContaining({ status: 400, param: "model" }),
    );
  });

  it.each([
    ["o3-pro", "off", "low"],
    ["gpt-5-pro", "off", "high"],
    ["gpt-5.5-pro", "off", "medium"],
    ["gpt-5.5-pro", "max", "xhigh"],
    ["gpt-5.1-codex-max", "max", "xhigh"],
    ["gpt-5.1-codex", "max", "high"],
    ["gpt-5-codex", "off", "low"],
    ["gpt-5.2-chat-latest", "off", "medium"],
  ])("maps %s reasoning_effort %s to %s", (model, requested, sent) => {
    const request = ChatCompletionRequestSchema.parse({
      model,
      messages: [{ role: "user", content: "Hi" }],
      reasoning_effort: requested,
    });
    const { value, warnings } = applyOpenAIParameterRules(request);
    expect(value.reasoning_effort).toBe(sent);
    expect(warnings).toEqual([
      expect.objectContaining({ type: "adjusted_parameter", code: "reasoning_effort" }),
    ]);
  });

  it("removes reasoning_effort for a model that takes no effort setting (o1-mini)", () => {
    const request = ChatCompletionRequestSchema.parse({
      model: "o1-mini",
      messages: [{ role: "user", content: "Hi" }],
      reasoning_effort: "max",
    });
    const { value, warnings } = applyOpenAIParameterRules(request);
    expect(value).not.toHaveProperty("reasoning_effort");
    expect(warnings).toEqual([expect.objectContaining({ code: "reasoning_effort" })]);
  });
});

describe("stripReasoningFromHistory", () => {
  it("leaves messages without reasoning as the same objects", () => {
    const messages = [
      { role: "user" as const, content: "Hi" },
      { role: "assistant" as const, content: "Hello" },
    ];
    const { value, warnings } = stripReasoningFromHistory(messages);
    expect(value[0]).toBe(messages[0]);
    expect(value[1]).toBe(messages[1]);
    expect(warnings).toEqual([]);
  });

  it("drops empty reasoning fields without a warning", () => {
    const { value, warnings } = stripReasoningFromHistory([
      { role: "assistant", content: "Hello", reasoning_content: null, reasoning_details: [] },
    ]);
    expect(value).toEqual([{ role: "assistant", content: "Hello" }]);
    expect(warnings).toEqual([]);
  });

  it("names the messages and the formats it dropped", () => {
    const { warnings } = stripReasoningFromHistory([
      { role: "user", content: "Hi" },
      {
        role: "assistant",
        content: "Hello",
        reasoning_details: [
          { type: "reasoning.text", text: "t", signature: "s", format: "anthropic-claude-v1" },
        ],
      },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain("messages[1]");
    expect(warnings[0]!.message).toContain("anthropic-claude-v1");
  });
});
