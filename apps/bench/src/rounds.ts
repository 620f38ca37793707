import { setTimeout as sleep } from "node:timers/promises";

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The results of every round, per measurement name. */
export type RoundResults<Name extends string, Result> = Record<Name, Result[]>;

/**
 * Runs each measurement once per round, in turn, for `rounds` rounds. On a shared machine whose speed drifts
 * over seconds, measurements taken side by side in one round see the same machine, so per-round ratios
 * cancel the drift that separate, back-to-back runs would bake into the figures. `settleMs` passes between
 * two measurements, so the process just measured has closed its connections and collected its garbage
 * before the next one, on the same core, is timed.
 */
export async function runRounds<Name extends string, Result>(
  rounds: number,
  measurements: Record<Name, () => Promise<Result>>,
  settleMs = 0,
): Promise<RoundResults<Name, Result>> {
  const names = Object.keys(measurements) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as Result[]])) as RoundResults<
    Name,
    Result
  >;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      if (settleMs > 0) await sleep(settleMs);
      results[name].push(await measurements[name]());
    }
  }
  return results;
}

/** A per-round figure summarised: the median over the rounds and the range. */
export interface PairedFigure {
  value: number;
  low: number;
  high: number;
}

/** Combines each round's measurement with the same round's baseline, then summarises the rounds. */
function paired(
  measured: readonly number[],
  baseline: readonly number[],
  combine: (value: number, base: number) => number,
): PairedFigure {
  const figures = measured.map((value, index) => combine(value, baseline[index]!));
  return { value: median(figures), low: Math.min(...figures), high: Math.max(...figures) };
}

/** Per-round ratios `measured[i] / baseline[i]`. */
export const pairedRatio = (measured: readonly number[], baseline: readonly number[]): PairedFigure =>
  paired(measured, baseline, (value, base) => value / base);

/** Per-round differences `measured[i] - baseline[i]`. */
export const pairedDifference = (measured: readonly number[], baseline: readonly number[]): PairedFigure =>
  paired(measured, baseline, (value, base) => value - base);
