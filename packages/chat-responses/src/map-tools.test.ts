import { GatewayError, type ResponsesTool, type Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatToolsToResponses, responsesToolsToChat } from "./map-tools";

describe("tool definitions", () => {
  it("round-trips function tools, extra fields included", () => {
    const responses = [
      {
        type: "function" as const,
        name: "f",
        description: "d",
        parameters: { type: "object" },
        strict: true,
        x_extra: 1,
      },
    ];
    const warnings: Warning[] = [];
    const chat = responsesToolsToChat(responses, warnings).tools;
    expect(chat).toEqual([
      {
        type: "function",
        function: { name: "f", description: "d", parameters: { type: "object" }, strict: true, x_extra: 1 },
      },
    ]);
    expect(chatToolsToResponses(chat, warnings)).toEqual(responses);
    expect(warnings).toEqual([]);
  });

  it("serves a custom tool as a function with one string argument", () => {
    const warnings: Warning[] = [];
    const [tool] = responsesToolsToChat(
      [{ type: "custom", name: "c", description: "Free text." }],
      warnings,
    ).tools;
    expect(tool).toEqual({
      type: "function",
      function: {
        name: "c",
        description: expect.stringContaining("Free text."),
        parameters: {
          type: "object",
          properties: { input: { type: "string", description: "The free-form input of the tool." } },
          required: ["input"],
          additionalProperties: false,
        },
      },
    });
    expect(warnings).toEqual([]);
  });

  it("turns Chat's nested grammar format into the flat Responses one", () => {
    const warnings: Warning[] = [];
    const responses = chatToolsToResponses(
      [
        {
          type: "custom",
          custom: {
            name: "c",
            format: { type: "grammar", grammar: { syntax: "regex", definition: "\\d+" } },
          },
        },
      ],
      warnings,
    );
    expect(responses).toEqual([
      { type: "custom", name: "c", format: { type: "grammar", syntax: "regex", definition: "\\d+" } },
    ]);
  });

  it.each<[string, ResponsesTool]>([
    ["file_search", { type: "file_search", vector_store_ids: ["vs_1"] }],
    ["code_interpreter", { type: "code_interpreter", container: { type: "auto" } }],
    ["image_generation", { type: "image_generation" }],
  ])("removes the hosted tool %s with a warning, or refuses it with strict_tools", (_name, tool) => {
    const warnings: Warning[] = [];
    expect(responsesToolsToChat([tool], warnings).tools).toEqual([]);
    expect(warnings.map((warning) => [warning.type, warning.code])).toEqual([
      ["unsupported_parameter", "tools[0]"],
    ]);
    expect(() => responsesToolsToChat([tool], [], { strictTools: true })).toThrow(GatewayError);
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
