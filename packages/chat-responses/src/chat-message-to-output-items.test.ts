import { createSequentialIdGenerator, type Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatMessageToOutputItems } from "./chat-message-to-output-items";

describe("chatMessageToOutputItems", () => {
  it("orders reasoning, message, then calls, and marks them incomplete on a cut-off", () => {
    const warnings: Warning[] = [];
    const items = chatMessageToOutputItems(
      {
        role: "assistant",
        content: "Let me",
        reasoning_content: "why",
        tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{" } }],
      },
      { ids: createSequentialIdGenerator(), status: "incomplete", warnings },
    );
    expect(items.map((item) => [item.type, item.id, "status" in item ? item.status : undefined])).toEqual([
      ["reasoning", "rs_1", undefined],
      ["message", "msg_1", "incomplete"],
      ["function_call", "fc_1", "incomplete"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("keeps unknown annotation types as they are", () => {
    const [message] = chatMessageToOutputItems(
      { role: "assistant", content: "x", annotations: [{ type: "file_citation", file_id: "f" }] },
      { ids: createSequentialIdGenerator(), status: "completed", warnings: [] },
    );
    expect(message?.type === "message" && message.content[0]).toMatchObject({
      annotations: [{ type: "file_citation", file_id: "f" }],
    });
  });
});
