import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixtureCases, splitBytes } from "./fixtures";

const makeRoot = () => {
  const root = mkdtempSync(join(tmpdir(), "switchyard-fixtures-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("pair-a/02-second/input.json", '{"n":2}');
  write("pair-a/02-second/expected.sse", "data: 2\n\n");
  write("pair-a/01-first/input.json", '{"n":1}');
  write("pair-a/01-first/expected.json", '{"ok":true}');
  write("pair-a/01-first/options.json", '{"model":"x"}');
  write("pair-a/notes.txt", "not a case");
  return root;
};

describe("loadFixtureCases", () => {
  it("loads case folders in name order with their files", () => {
    const cases = loadFixtureCases("pair-a", makeRoot());
    expect(cases.map((fixture) => fixture.name)).toEqual(["01-first", "02-second"]);
    const [first, second] = cases;
    expect(first!.files).toEqual(["expected.json", "input.json", "options.json"]);
    expect(first!.readJson("input.json")).toEqual({ n: 1 });
    expect(first!.readJsonOr("expected-warnings.json", [])).toEqual([]);
    expect(second!.readText("expected.sse")).toBe("data: 2\n\n");
    expect(new TextDecoder().decode(second!.readBytes("expected.sse"))).toBe("data: 2\n\n");
    expect(second!.has("options.json")).toBe(false);
  });

  it("names the missing file or pair", () => {
    const root = makeRoot();
    expect(() => loadFixtureCases("pair-a", root)[0]!.readText("nope.json")).toThrow(
      "fixture pair-a/01-first has no file 'nope.json'",
    );
    expect(() => loadFixtureCases("pair-b", root)).toThrow("no fixtures for pair 'pair-b'");
  });
});

describe("splitBytes", () => {
  it("splits into chunks of the given size", () => {
    const chunks = splitBytes(new Uint8Array([1, 2, 3, 4, 5]), 2);
    expect(chunks.map((chunk) => [...chunk])).toEqual([[1, 2], [3, 4], [5]]);
  });
});
