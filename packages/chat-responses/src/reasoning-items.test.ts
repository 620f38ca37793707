import { createSequentialIdGenerator, type ReasoningDetail } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import {
  chatReasoningToItems,
  reasoningItemToDetails,
  unwrapReasoningDetails,
  WRAPPED_REASONING_PREFIX,
  wrapReasoningDetails,
} from "./reasoning-items";

const signed: ReasoningDetail[] = [
  { type: "reasoning.text", text: "Überlegung 🤔", signature: "sig", format: "anthropic-claude-v1" },
  { type: "reasoning.encrypted", data: "redacted", format: "anthropic-claude-v1" },
];

describe("wrapped reasoning state", () => {
  it("unwraps what it wrapped, unicode included", () => {
    const wrapped = wrapReasoningDetails(signed);
    expect(wrapped.startsWith(WRAPPED_REASONING_PREFIX)).toBe(true);
    expect(unwrapReasoningDetails(wrapped)).toEqual(signed);
  });

  it.each([
    ["an OpenAI blob", "gAAAAABo-blob"],
    ["bad base64", `${WRAPPED_REASONING_PREFIX}%%%`],
    ["base64 of non-JSON", `${WRAPPED_REASONING_PREFIX}${btoa("not json")}`],
    ["base64 of JSON that is not details", `${WRAPPED_REASONING_PREFIX}${btoa('[{"type":"other"}]')}`],
  ])("treats %s as opaque", (_label, value) => {
    expect(unwrapReasoningDetails(value)).toBeUndefined();
    expect(
      reasoningItemToDetails({ type: "reasoning", id: "rs_1", summary: [], encrypted_content: value }),
    ).toEqual([{ type: "reasoning.encrypted", data: value, id: "rs_1", format: "openai-responses-v1" }]);
  });
});

describe("chatReasoningToItems", () => {
  it("makes one item per id and keeps OpenAI blobs as they are", () => {
    const details: ReasoningDetail[] = [
      { type: "reasoning.summary", summary: "a", id: "rs_a", format: "openai-responses-v1" },
      { type: "reasoning.encrypted", data: "A", id: "rs_a", format: "openai-responses-v1" },
      { type: "reasoning.encrypted", data: "B", id: "rs_b", format: "openai-responses-v1" },
    ];
    expect(chatReasoningToItems(null, details, { wrapForeignState: true })).toEqual([
      {
        id: "rs_a",
        type: "reasoning",
        summary: [{ type: "summary_text", text: "a" }],
        encrypted_content: "A",
      },
      { id: "rs_b", type: "reasoning", summary: [], encrypted_content: "B" },
    ]);
  });

  it("starts a new item at a second blob without ids", () => {
    const details: ReasoningDetail[] = [
      { type: "reasoning.encrypted", data: "A", format: "openai-responses-v1" },
      { type: "reasoning.encrypted", data: "B", format: "openai-responses-v1" },
    ];
    const items = chatReasoningToItems(null, details, {
      ids: createSequentialIdGenerator(),
      wrapForeignState: true,
    });
    expect(items.map((item) => [item.id, item.encrypted_content])).toEqual([
      ["rs_1", "A"],
      ["rs_2", "B"],
    ]);
  });

  it("wraps foreign state only when asked", () => {
    const [wrapped] = chatReasoningToItems(null, signed, { wrapForeignState: true });
    expect(wrapped?.content).toEqual([{ type: "reasoning_text", text: "Überlegung 🤔" }]);
    expect(unwrapReasoningDetails(wrapped?.encrypted_content ?? "")).toEqual(signed);
    const [plain] = chatReasoningToItems(null, signed, { wrapForeignState: false });
    expect(plain?.encrypted_content).toBe("redacted");
  });

  it("yields nothing for no reasoning", () => {
    expect(chatReasoningToItems(undefined, undefined, { wrapForeignState: true })).toEqual([]);
    expect(chatReasoningToItems("", [], { wrapForeignState: true })).toEqual([]);
  });
});
