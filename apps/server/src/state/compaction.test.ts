import type { ResponseInputItem } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { COMPACTION_PREFIX, expandCompactions, unwrapCompaction, wrapCompaction } from "./compaction";

describe("gateway compactions", () => {
  it("round-trips a summary through the opaque envelope, Unicode included", () => {
    const content = {
      summary: "Ada chose the heron ☃ plan; step 2 is left.",
      model: "google/gemini-2.5-flash",
    };
    const wrapped = wrapCompaction(content);
    expect(wrapped.startsWith(COMPACTION_PREFIX)).toBe(true);
    expect(wrapped).not.toContain("heron");
    expect(unwrapCompaction(wrapped)).toEqual(content);
  });

  it("reads nothing from other strings", () => {
    for (const text of [
      "gAAAAB-openai-blob",
      `${COMPACTION_PREFIX}not-base64-json`,
      `${COMPACTION_PREFIX}${btoa("{}")}`,
    ])
      expect(unwrapCompaction(text)).toBeUndefined();
  });

  it("turns a gateway compaction into a user message and leaves everything else alone", () => {
    const openAICompaction = { type: "compaction", encrypted_content: "gAAAAB-openai" } as ResponseInputItem;
    const user = { role: "user", content: "Hi" } as ResponseInputItem;
    const ours = {
      type: "compaction",
      id: "cmp_1",
      encrypted_content: wrapCompaction({ summary: "The code word is heron.", model: "x/y" }),
    } as ResponseInputItem;
    const untouched = [user, openAICompaction];
    expect(expandCompactions(untouched)).toBe(untouched);
    const expanded = expandCompactions([user, ours, openAICompaction]);
    expect(expanded[0]).toBe(user);
    expect(expanded[2]).toBe(openAICompaction);
    expect(expanded[1]).toMatchObject({ type: "message", role: "user" });
    expect(JSON.stringify(expanded[1])).toContain("The code word is heron.");
  });
});
