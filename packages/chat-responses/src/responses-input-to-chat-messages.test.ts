import type { Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { responsesInputToChatMessages } from "./responses-input-to-chat-messages";

const call = (callId: string) => ({
  type: "function_call" as const,
  call_id: callId,
  name: "f",
  arguments: "{}",
});
const output = (callId: string) => ({ type: "function_call_output" as const, call_id: callId, output: "ok" });
const toolCall = (id: string) => ({ id, type: "function", function: { name: "f", arguments: "{}" } });

describe("responsesInputToChatMessages", () => {
  it("keeps reasoning between two calls of one turn on that turn's message, in order", () => {
    const warnings: Warning[] = [];
    const messages = responsesInputToChatMessages(
      [
        { role: "user", content: "go" },
        { type: "reasoning", id: "rs_1", summary: [], encrypted_content: "A" },
        call("c1"),
        { type: "reasoning", id: "rs_2", summary: [], encrypted_content: "B" },
        call("c2"),
        output("c1"),
        output("c2"),
      ],
      warnings,
    );
    expect(messages[1]).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [toolCall("c1"), toolCall("c2")],
      reasoning_details: [
        { type: "reasoning.encrypted", data: "A", id: "rs_1", format: "openai-responses-v1" },
        { type: "reasoning.encrypted", data: "B", id: "rs_2", format: "openai-responses-v1" },
      ],
    });
    expect(messages).toHaveLength(4);
    expect(warnings).toEqual([]);
  });

  it("does not merge a call into an assistant message that a tool result already answered", () => {
    const messages = responsesInputToChatMessages(
      [{ role: "user", content: "go" }, call("c1"), output("c1"), call("c2"), output("c2")],
      [],
    );
    expect(messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "tool",
      "assistant",
      "tool",
    ]);
  });

  it("answers a call only after it was made", () => {
    expect(() => responsesInputToChatMessages([output("c1"), call("c1")], [])).toThrow(/input\[0\]\.call_id/);
  });
});
