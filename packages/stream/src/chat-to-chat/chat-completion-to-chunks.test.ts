import type { ChatCompletionResponse } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { accumulateChatChunks } from "../testing/accumulate-chat-chunks";
import { chatCompletionToChunks } from "./chat-completion-to-chunks";

const cases = loadFixtureCases("chat-completion-to-chunks");

describe("chatCompletionToChunks golden cases", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThanOrEqual(3));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const input = fixture.readJson<ChatCompletionResponse>("input.json");
    expect(JSON.parse(JSON.stringify(chatCompletionToChunks(input)))).toEqual(
      fixture.readJson("expected.json"),
    );
  });
});

describe("chatCompletionToChunks round trip", () => {
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))(
    "%s folds back to the completion",
    (_name, fixture) => {
      const input = fixture.readJson<ChatCompletionResponse>("input.json");
      const folded = accumulateChatChunks(chatCompletionToChunks(input));
      const choice = input.choices[0]!;
      expect(folded.choices[0]!.finish_reason).toBe(choice.finish_reason);
      expect(folded.choices[0]!.message.content ?? null).toBe(choice.message.content ?? null);
      expect(folded.choices[0]!.message.tool_calls ?? []).toEqual(choice.message.tool_calls ?? []);
      expect(folded.usage ?? null).toEqual(input.usage ?? null);
    },
  );
});
