import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's location (packages/core/src/testing). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The golden fixtures folder: `fixtures/<pair>/<case>/`. */
export const fixturesRoot = join(repositoryRoot, "fixtures");

/**
 * One golden case folder. Conventional file names: `input.json` or `input.sse`, `expected.json` or
 * `expected.sse`, and optionally `options.json` (translation options), `expected-warnings.json` and
 * `expected-error.json`.
 */
export interface FixtureCase {
  pair: string;
  name: string;
  directory: string;
  files: string[];
  has(file: string): boolean;
  readText(file: string): string;
  readBytes(file: string): Uint8Array;
  readJson<T = unknown>(file: string): T;
  /** Reads a JSON file when it exists, or returns `fallback`. */
  readJsonOr<T>(file: string, fallback: T): T;
}

function fixtureCase(pair: string, name: string, directory: string): FixtureCase {
  const files = readdirSync(directory).sort();
  const path = (file: string) => {
    if (!files.includes(file)) throw new Error(`fixture ${pair}/${name} has no file '${file}'`);
    return join(directory, file);
  };
  return {
    pair,
    name,
    directory,
    files,
    has: (file) => files.includes(file),
    readText: (file) => readFileSync(path(file), "utf8"),
    readBytes: (file) => new Uint8Array(readFileSync(path(file))),
    readJson: (file) => JSON.parse(readFileSync(path(file), "utf8")),
    readJsonOr: (file, fallback) =>
      files.includes(file) ? JSON.parse(readFileSync(path(file), "utf8")) : fallback,
  };
}

/** Loads every case of one translation pair, sorted by name. Throws when the pair folder is missing. */
export function loadFixtureCases(pair: string, root: string = fixturesRoot): FixtureCase[] {
  const pairDirectory = join(root, pair);
  if (!existsSync(pairDirectory)) throw new Error(`no fixtures for pair '${pair}' at fixtures/${pair}`);
  return readdirSync(pairDirectory)
    .filter((name) => statSync(join(pairDirectory, name)).isDirectory())
    .sort()
    .map((name) => fixtureCase(pair, name, join(pairDirectory, name)));
}

/** Splits bytes into chunks of `size` bytes, to feed a parser at every boundary. */
export function splitBytes(bytes: Uint8Array, size = 1): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}
