import type { Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { WARNINGS_HEADER, WARNINGS_HEADER_LIMIT, warningsHeader } from "./warnings-header";

const warning = (code: string, message = `Parameter '${code}' is not supported.`): Warning => ({
  type: "unsupported_parameter",
  code,
  message,
});

describe("warningsHeader", () => {
  it("writes no header without warnings", () => {
    expect(warningsHeader([])).toEqual({});
  });

  it("writes the warnings as a JSON array", () => {
    const warnings = [warning("service_tier"), warning("container")];
    const header = warningsHeader(warnings)[WARNINGS_HEADER]!;
    expect(JSON.parse(header)).toEqual(warnings);
  });

  it("escapes everything outside printable ASCII, so the value is a legal header and still the same JSON", () => {
    const warnings = [warning("top_k", "Modèle « deepseek » ignores it\nand this → too 🚀")];
    const header = warningsHeader(warnings)[WARNINGS_HEADER]!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toEqual(warnings);
  });

  it("stays under the limit and says how many warnings it left out", () => {
    const warnings = Array.from({ length: 100 }, (_, index) => warning(`field_${index}`));
    const header = warningsHeader(warnings)[WARNINGS_HEADER]!;
    expect(header.length).toBeLessThanOrEqual(WARNINGS_HEADER_LIMIT);
    const parsed = JSON.parse(header) as Warning[];
    const kept = parsed.length - 1;
    expect(parsed.slice(0, kept)).toEqual(warnings.slice(0, kept));
    expect(parsed.at(-1)).toEqual({
      type: "dropped_content",
      code: WARNINGS_HEADER,
      message: `${100 - kept} more warnings were left out of this header.`,
    });
  });
});
