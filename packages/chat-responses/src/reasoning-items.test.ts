import { createSequentialIdGenerator, type ReasoningDetail, type ReasoningItem } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import {
  chatReasoningToItems,
  reasoningContentOf,
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
    expect(chatReasoningToItems(null, details, { wrapForeignState: true, textAs: "summary" })).toEqual([
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
      textAs: "summary",
    });
    expect(items.map((item) => [item.id, item.encrypted_content])).toEqual([
      ["rs_1", "A"],
      ["rs_2", "B"],
    ]);
  });

  it("wraps foreign state only when asked", () => {
    const [wrapped] = chatReasoningToItems(null, signed, { wrapForeignState: true, textAs: "summary" });
    expect(wrapped?.summary).toEqual([{ type: "summary_text", text: "Überlegung 🤔" }]);
    expect(wrapped?.content).toBeUndefined();
    expect(unwrapReasoningDetails(wrapped?.encrypted_content ?? "")).toEqual(signed);
    const [plain] = chatReasoningToItems(null, signed, { wrapForeignState: false, textAs: "summary" });
    expect(plain?.encrypted_content).toBe("redacted");
  });

  it.each([
    ["summary", { summary: [{ type: "summary_text", text: "Why." }] }],
    ["content", { summary: [], content: [{ type: "reasoning_text", text: "Why." }] }],
  ] as const)("puts reasoning text in %s when asked", (textAs, expected) => {
    const details: ReasoningDetail[] = [
      { type: "reasoning.text", text: "Why.", id: "rs_t", format: "openai-responses-v1" },
    ];
    expect(chatReasoningToItems(null, details, { wrapForeignState: true, textAs })).toEqual([
      { id: "rs_t", type: "reasoning", ...expected },
    ]);
    expect(chatReasoningToItems("Why.", [], { ids: () => "rs_t", wrapForeignState: true, textAs })).toEqual([
      { id: "rs_t", type: "reasoning", ...expected },
    ]);
  });

  it("makes no summary part of empty text", () => {
    const details: ReasoningDetail[] = [{ type: "reasoning.text", text: "", id: "rs_e" }];
    expect(chatReasoningToItems(null, details, { wrapForeignState: true, textAs: "summary" })).toEqual([
      { id: "rs_e", type: "reasoning", summary: [] },
    ]);
  });

  it("yields nothing for no reasoning", () => {
    for (const textAs of ["summary", "content"] as const) {
      expect(chatReasoningToItems(undefined, undefined, { wrapForeignState: true, textAs })).toEqual([]);
      expect(chatReasoningToItems("", [], { wrapForeignState: true, textAs })).toEqual([]);
    }
  });
});

describe("reasoningContentOf", () => {
  const item = (fields: Partial<ReasoningItem>): ReasoningItem => ({
    type: "reasoning",
    summary: [],
    ...fields,
  });
  const summary = (...texts: string[]) => texts.map((text) => ({ type: "summary_text" as const, text }));
  const content = (...texts: string[]) => texts.map((text) => ({ type: "reasoning_text" as const, text }));

  it.each([
    [
      "summaries joined by a blank line",
      [item({ summary: summary("First.", "Second.") })],
      "First.\n\nSecond.",
    ],
    [
      "reasoning text parts concatenated",
      [item({ content: content("Step one.", " Step two.") })],
      "Step one. Step two.",
    ],
    [
      "the text rather than the summary",
      [item({ summary: summary("Short."), content: content("Long.") })],
      "Long.",
    ],
    ["the summary when content is empty", [item({ summary: summary("Short."), content: [] })], "Short."],
    ["items concatenated", [item({ summary: summary("A.") }), item({ content: content("B.") })], "A.B."],
    ["nothing for encrypted state only", [item({ encrypted_content: "blob" })], undefined],
    ["nothing for no items", [], undefined],
  ])("gives %s", (_label, items, expected) => {
    expect(reasoningContentOf(items)).toBe(expected);
  });
});
