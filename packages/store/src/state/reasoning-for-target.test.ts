import { type ReasoningItem, type ResponseInputItem, wrapReasoningDetails } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import type { Producer } from "../records";
import type { ContextItem } from "./context-item";
import { applyReasoningRule, DROPPED_REASONING_STATE_CODE } from "./reasoning-for-target";

const claude: Producer = { provider: "anthropic", model: "claude-sonnet-4-5" };
const otherClaude: Producer = { provider: "anthropic", model: "claude-opus-4-1" };
const gemini: Producer = { provider: "google", model: "gemini-2.5-pro" };
const claudeOnBedrock: Producer = { provider: "bedrock", model: "claude-sonnet-4-5" };

const claudeThinking = wrapReasoningDetails([
  {
    type: "reasoning.text",
    text: "Let me think.",
    signature: "EqQBCkYIBxgCKkD",
    format: "anthropic-claude-v1",
  },
]);
const signedItem: ReasoningItem = {
  type: "reasoning",
  id: "rs_1",
  summary: [{ type: "summary_text", text: "Let me think." }],
  encrypted_content: claudeThinking,
};
const userMessage: ResponseInputItem = { role: "user", content: "hi" };

describe("applyReasoningRule", () => {
  it.each<[string, Producer | null, Producer]>([
    ["its own producer", claude, claude],
    ["a client-sent item (no producer)", null, gemini],
  ])("passes reasoning state unchanged to %s", (_label, producer, target) => {
    const { input, warnings } = applyReasoningRule([{ item: signedItem, producer }], target);
    expect(input).toEqual([signedItem]);
    expect((input[0] as ReasoningItem).encrypted_content).toBe(claudeThinking);
    expect(warnings).toEqual([]);
  });

  it.each<[string, Producer]>([
    ["another model of the same provider", otherClaude],
    ["another provider", gemini],
    ["the same model served by another provider", claudeOnBedrock],
  ])("drops the opaque state for %s and keeps the text", (_label, target) => {
    const { input, warnings } = applyReasoningRule([{ item: signedItem, producer: claude }], target);
    expect(input).toEqual([
      { type: "reasoning", id: "rs_1", summary: [{ type: "summary_text", text: "Let me think." }] },
    ]);
    expect(warnings).toEqual([
      {
        type: "dropped_content",
        code: DROPPED_REASONING_STATE_CODE,
        message:
          "Dropped the opaque reasoning state of 1 stored reasoning item produced by " +
          `anthropic/claude-sonnet-4-5: it goes back only to the model that produced it, not to ${target.provider}/${target.model}. ` +
          "The reasoning text was kept.",
      },
    ]);
  });

  it("recovers the readable text of an envelope whose item fields hold none", () => {
    const envelopeOnly: ReasoningItem = {
      type: "reasoning",
      id: "rs_2",
      summary: [],
      encrypted_content: wrapReasoningDetails([
        { type: "reasoning.summary", summary: "Plan.", format: "google-gemini-v1" },
        { type: "reasoning.text", text: "Step one.", format: "google-gemini-v1" },
        { type: "reasoning.encrypted", data: "CiQB0e2Kb", format: "google-gemini-v1" },
      ]),
    };
    const { input } = applyReasoningRule([{ item: envelopeOnly, producer: gemini }], claude);
    expect(input).toEqual([
      {
        type: "reasoning",
        id: "rs_2",
        summary: [{ type: "summary_text", text: "Plan." }],
        content: [{ type: "reasoning_text", text: "Step one." }],
      },
    ]);
  });

  it("drops an OpenAI blob for another model and leaves items without state alone", () => {
    const openai: Producer = { provider: "openai", model: "gpt-5" };
    const items: ContextItem[] = [
      { item: userMessage, producer: null },
      {
        item: { type: "reasoning", id: "rs_3", summary: [], encrypted_content: "gAAAAABo" },
        producer: openai,
      },
      { item: { type: "reasoning", id: "rs_4", summary: [] }, producer: openai },
      {
        item: { type: "reasoning", id: "rs_5", summary: [], encrypted_content: "gAAAAABp" },
        producer: openai,
      },
      { item: { type: "function_call", call_id: "c1", name: "f", arguments: "{}" }, producer: openai },
    ];
    const { input, warnings } = applyReasoningRule(items, { provider: "openai", model: "gpt-5-mini" });
    expect(input).toEqual([
      userMessage,
      { type: "reasoning", id: "rs_3", summary: [] },
      { type: "reasoning", id: "rs_4", summary: [] },
      { type: "reasoning", id: "rs_5", summary: [] },
      { type: "function_call", call_id: "c1", name: "f", arguments: "{}" },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain("of 2 stored reasoning items produced by openai/gpt-5:");
  });

  it("gives one warning per producer", () => {
    const items: ContextItem[] = [
      { item: signedItem, producer: claude },
      { item: { ...signedItem, id: "rs_9" }, producer: gemini },
    ];
    const { warnings } = applyReasoningRule(items, otherClaude);
    expect(warnings.map((warning) => warning.message.match(/produced by (\S+):/)?.[1])).toEqual([
      "anthropic/claude-sonnet-4-5",
      "google/gemini-2.5-pro",
    ]);
  });
});
