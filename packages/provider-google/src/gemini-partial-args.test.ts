import { describe, expect, it } from "vitest";
import { geminiModelTraits } from "./gemini-models";
import { PartialArgsAssembler, parseJsonPath } from "./gemini-partial-args";

describe("parseJsonPath", () => {
  it.each([
    ["$.a", ["a"]],
    ["$.a.b[2].c", ["a", "b", 2, "c"]],
    ["$['odd key'][0]", ["odd key", 0]],
    ['$["q\\"x"]', ['q"x']],
  ])("reads %s", (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each(["a.b", "$..a", "$.a[", "$[*]"])("refuses %s", (path) => {
    expect(parseJsonPath(path)).toBeUndefined();
  });
});

describe("PartialArgsAssembler", () => {
  it("concatenates a continued string and starts over when the path changes", () => {
    const assembler = new PartialArgsAssembler();
    assembler.apply({ jsonPath: "$.text", stringValue: "Hel", willContinue: true });
    assembler.apply({ jsonPath: "$.text", stringValue: "lo" });
    assembler.apply({ jsonPath: "$.text", stringValue: "Bye" });
    assembler.apply({ jsonPath: "$.list[1]", numberValue: 3 });
    expect(assembler.args).toEqual({ text: "Bye", list: [undefined, 3] });
  });

  it("reports an unreadable path without touching the arguments", () => {
    const assembler = new PartialArgsAssembler({ kept: true });
    expect(assembler.apply({ jsonPath: "not-a-path", stringValue: "x" })).toBe(false);
    expect(assembler.args).toEqual({ kept: true });
  });
});

describe("geminiModelTraits", () => {
  it.each([
    ["gemini-3-pro-preview", true, "level", ["low", "high"]],
    ["gemini-3.1-pro-preview", true, "level", ["low", "medium", "high"]],
    ["gemini-3-flash-preview", true, "level", ["minimal", "low", "medium", "high"]],
    ["gemini-flash-latest", true, "level", ["minimal", "low", "medium", "high"]],
    ["models/gemini-2.5-pro", true, "budget", []],
    ["gemini-2.0-flash", false, "none", []],
    ["gemini-1.5-pro-002", false, "none", []],
  ] as const)("%s", (model, jsonSchema, thinking, levels) => {
    const traits = geminiModelTraits(model);
    expect({
      jsonSchema: traits.jsonSchema,
      thinking: traits.thinking,
      levels: traits.thinkingLevels,
    }).toEqual({
      jsonSchema,
      thinking,
      levels,
    });
  });
});
