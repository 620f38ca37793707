import type { Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatToolsToResponses, responsesToolsToChat } from "./map-tools";

describe("tool definitions", () => {
  it("round-trips function and custom tools, extra fields included", () => {
    const responses = [
      {
        type: "function" as const,
        name: "f",
        description: "d",
        parameters: { type: "object" },
        strict: true,
        x_extra: 1,
      },
      { type: "custom" as const, name: "c", format: { type: "grammar" } },
    ];
    const chat = responsesToolsToChat(responses);
    expect(chat).toEqual([
      {
        type: "function",
        function: { name: "f", description: "d", parameters: { type: "object" }, strict: true, x_extra: 1 },
      },
      { type: "custom", custom: { name: "c", format: { type: "grammar" } } },
    ]);
    const warnings: Warning[] = [];
    expect(chatToolsToResponses(chat, warnings)).toEqual(responses);
    expect(warnings).toEqual([]);
  });

  it("warns about cache_control on a tool", () => {
    const warnings: Warning[] = [];
    chatToolsToResponses(
      [{ type: "function", function: { name: "f" }, cache_control: { type: "ephemeral" } }],
      warnings,
    );
    expect(warnings.map((warning) => warning.code)).toEqual(["tools[0].cache_control"]);
  });
});
