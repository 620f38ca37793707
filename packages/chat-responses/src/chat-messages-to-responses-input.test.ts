import type { Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatMessagesToResponsesInput } from "./chat-messages-to-responses-input";

describe("chatMessagesToResponsesInput", () => {
  it("names paths from the original message index", () => {
    const warnings: Warning[] = [];
    chatMessagesToResponsesInput([{ role: "user", name: "ada", content: "hi" }], warnings, 1);
    expect(warnings.map((warning) => warning.code)).toEqual(["messages[1].name"]);
  });

  it("keeps reasoning state without a format, and drops state of another family", () => {
    const warnings: Warning[] = [];
    const items = chatMessagesToResponsesInput(
      [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: "done",
          reasoning_details: [
            { type: "reasoning.encrypted", data: "opaque", id: "rs_1" },
            { type: "reasoning.encrypted", data: "gemini", format: "google-gemini-v1" },
          ],
        },
      ],
      warnings,
    );
    expect(items[1]).toEqual({ id: "rs_1", type: "reasoning", summary: [], encrypted_content: "opaque" });
    expect(warnings.map((warning) => warning.code)).toEqual(["messages[1].reasoning_details"]);
  });

  it("refuses a tool message that answers no earlier call", () => {
    expect(() =>
      chatMessagesToResponsesInput([{ role: "tool", tool_call_id: "x", content: "?" }], []),
    ).toThrow(/messages\[0\]\.tool_call_id/);
  });
});
