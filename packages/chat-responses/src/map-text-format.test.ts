import { describe, expect, it } from "vitest";
import { responseFormatToTextFormat, textFormatToResponseFormat } from "./map-text-format";

describe("text.format <-> response_format", () => {
  it.each([
    [{ type: "text" }, { type: "text" }],
    [{ type: "json_object" }, { type: "json_object" }],
    [
      { type: "json_schema", name: "p", schema: { type: "object" }, strict: false, description: "d" },
      {
        type: "json_schema",
        json_schema: { name: "p", schema: { type: "object" }, strict: false, description: "d" },
      },
    ],
  ] as const)("%j <-> %j", (format, responseFormat) => {
    expect(textFormatToResponseFormat(format)).toEqual(responseFormat);
    expect(responseFormatToTextFormat(responseFormat)).toEqual(format);
  });

  it("gives a schema-less Chat json_schema format the schema Responses requires", () => {
    expect(responseFormatToTextFormat({ type: "json_schema", json_schema: { name: "any" } })).toEqual({
      type: "json_schema",
      name: "any",
      schema: { type: "object" },
    });
  });
});
