import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Everything one benchmark run measured, as written to results/latest.json. */
export interface BenchResults {
  date: string;
  commit: string;
  node: string;
  cpu: string;
  cores: number;
  pinned: boolean;
  quick: boolean;
  figures: Record<string, Record<string, number | string>>;
}

const format = (value: number | string): string => {
  if (typeof value === "string") return value;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
};

/** Prints one table of every figure. */
export function printTable(results: BenchResults): void {
  console.log(`\nSwitchyard benchmark — ${results.date}, commit ${results.commit}`);
  console.log(`${results.cpu} (${results.cores} cores), Node ${results.node}, pinned: ${results.pinned}\n`);
  const rows: string[][] = [["figure", "measure", "value"]];
  for (const [figure, measures] of Object.entries(results.figures)) {
    for (const [measure, value] of Object.entries(measures)) rows.push([figure, measure, format(value)]);
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}

/** Writes the figures to results/latest.json beside this package; returns the path relative to the package. */
export function writeResults(results: BenchResults): string {
  const directory = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  writeFileSync(`${directory}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  return "apps/bench/results/latest.json";
}
