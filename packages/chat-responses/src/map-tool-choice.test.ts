import { type ChatToolChoice, GatewayError, type ResponsesToolChoice } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatToolChoiceToResponses, responsesToolChoiceToChat } from "./map-tool-choice";
import { createToolSurface } from "./tools/tool-surface";

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
      {
        type: "allowed_tools",
        mode: "auto",
        tools: [
          { type: "function", name: "f" },
          { type: "function", name: "g" },
        ],
      },
      {
        type: "allowed_tools",
        allowed_tools: {
          mode: "auto",
          tools: [
            { type: "function", function: { name: "f" } },
            { type: "function", function: { name: "g" } },
          ],
        },
      },
    ],
  ];
  it.each(cases)("%j <-> %j", (responses, chat) => {
    expect(responsesToolChoiceToChat(responses)).toEqual(chat);
    expect(chatToolChoiceToResponses(chat)).toEqual(responses);
  });

  it("names custom, namespaced and shell tools by the Chat functions they are served as", () => {
    const surface = createToolSurface([
      { type: "custom", name: "apply_patch" },
      { type: "namespace", name: "crm", tools: [{ type: "function", name: "find" }] },
      { type: "local_shell" },
      { type: "shell" },
    ]);
    const choices: [ResponsesToolChoice, string][] = [
      [{ type: "custom", name: "apply_patch" }, "apply_patch"],
      [{ type: "function", name: "find", namespace: "crm" }, "crm__find"],
      [{ type: "local_shell" }, "local_shell"],
      [{ type: "shell" }, "shell"],
    ];
    for (const [choice, name] of choices)
      expect(responsesToolChoiceToChat(choice, surface)).toEqual({ type: "function", function: { name } });
    expect(
      responsesToolChoiceToChat(
        { type: "allowed_tools", mode: "required", tools: [{ type: "custom", name: "apply_patch" }] },
        surface,
      ),
    ).toEqual({
      type: "allowed_tools",
      allowed_tools: { mode: "required", tools: [{ type: "function", function: { name: "apply_patch" } }] },
    });
  });

  it("maps a Chat custom tool choice to the Responses one", () => {
    expect(chatToolChoiceToResponses({ type: "custom", custom: { name: "c" } })).toEqual({
      type: "custom",
      name: "c",
    });
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
