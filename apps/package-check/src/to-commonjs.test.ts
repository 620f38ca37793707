import { describe, expect, it } from "vitest";
import { toCommonJs } from "./to-commonjs";

const wrapped = (requires: string, body: string) =>
  `${requires}(async () => {\n${body}\n})().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;

describe("toCommonJs", () => {
  it.each([
    ["named imports", 'import { a, b } from "x";', 'const { a, b } = require("x");\n'],
    ["renamed imports", 'import { a as b } from "x";', 'const { a: b } = require("x");\n'],
    ["a namespace import", 'import * as x from "x";', 'const x = require("x");\n'],
    ["an import over several lines", 'import {\n  a,\n  b,\n} from "x";', 'const { a, b } = require("x");\n'],
    ["inline type imports", 'import { type A, b } from "x";', 'const { b } = require("x");\n'],
    ["a type-only import", 'import type { A } from "x";', ""],
  ])("rewrites %s", (_case, source, requires) => {
    expect(toCommonJs(`${source}\nawait go();`)).toBe(wrapped(requires, "await go();"));
  });

  it.each([
    ["a default import", 'import x from "x";', "unsupported import clause: x"],
    ["an unclosed import", "import {\n  a,", "an import statement is never closed"],
  ])("refuses %s", (_case, source, message) => {
    expect(() => toCommonJs(source)).toThrow(message);
  });
});
