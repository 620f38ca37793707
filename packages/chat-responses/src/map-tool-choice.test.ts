import { type ChatToolChoice, GatewayError, type ResponsesToolChoice } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatToolChoiceToResponses, responsesToolChoiceToChat } from "./map-tool-choice";

describe("tool_choice mapping", () => {
  const cases: [ResponsesToolChoice, ChatToolChoice][] = [
    ["auto", "auto"],
    ["none", "none"],
    ["required", "required"],
    [
      { type: "function", name: "f" },
      { type: "function", function: { name: "f" } },
    ],
    [
      { type: "custom", name: "c" },
      { type: "custom", custom: { name: "c" } },
    ],
    [
      {
        type: "allowed_tools",
        mode: "auto",
        tools: [
          { type: "function", name: "f" },
          { type: "custom", name: "c" },
        ],
      },
      {
        type: "allowed_tools",
        allowed_tools: {
          mode: "auto",
          tools: [
            { type: "function", function: { name: "f" } },
            { type: "custom", custom: { name: "c" } },
          ],
        },
      },
    ],
  ];
  it.each(cases)("%j <-> %j", (responses, chat) => {
    expect(responsesToolChoiceToChat(responses)).toEqual(chat);
    expect(chatToolChoiceToResponses(chat)).toEqual(responses);
  });

  it("refuses a built-in tool inside allowed_tools, naming it", () => {
    const choice = { type: "allowed_tools", mode: "auto", tools: [{ type: "web_search" }] } as const;
    expect(() => responsesToolChoiceToChat(choice)).toThrow(GatewayError);
    try {
      responsesToolChoiceToChat(choice);
    } catch (error) {
      expect((error as GatewayError).param).toBe("tool_choice.tools[0].type");
    }
  });
});
