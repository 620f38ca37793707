import type { GeminiPartialArg } from "./gemini-api";

type Segment = string | number;

/** Splits an RFC 9535 path such as `$.foo.bar[0]['x y']` into keys and indexes. */
export function parseJsonPath(path: string): Segment[] | undefined {
  if (!path.startsWith("$")) return undefined;
  const segments: Segment[] = [];
  const pattern =
    /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4] ?? "").replace(/\\(.)/g, "$1"));
  }
  return segments;
}

const fragmentValue = (fragment: GeminiPartialArg): { value: unknown } | undefined => {
  if (fragment.stringValue !== undefined) return { value: fragment.stringValue };
  if (fragment.numberValue !== undefined) return { value: fragment.numberValue };
  if (fragment.boolValue !== undefined) return { value: fragment.boolValue };
  if (fragment.nullValue !== undefined) return { value: null };
  return undefined;
};

/**
 * Assembles a Gemini 3 streamed function call's `partialArgs` into one arguments object. A string value
 * whose fragment said `willContinue` goes on in the next fragment for the same `jsonPath`, so those are
 * concatenated. https://docs.cloud.google.com/vertex-ai/generative-ai/docs/multimodal/function-calling
 */
export class PartialArgsAssembler {
  readonly args: Record<string, unknown>;
  private openPath: string | undefined;

  constructor(initial: Record<string, unknown> = {}) {
    this.args = { ...initial };
  }

  /** Applies one fragment; returns false when its `jsonPath` cannot be read. */
  apply(fragment: GeminiPartialArg): boolean {
    const path = fragment.jsonPath ?? "";
    const segments = parseJsonPath(path);
    if (segments === undefined || segments.length === 0) return false;
    const continues = this.openPath === path;
    this.openPath = fragment.willContinue === true ? path : undefined;
    const found = fragmentValue(fragment);
    if (found === undefined) return true;
    let container: Record<string, unknown> | unknown[] = this.args;
    for (const [position, segment] of segments.entries()) {
      const last = position === segments.length - 1;
      const slot = container as Record<string | number, unknown>;
      if (last) {
        const current = slot[segment];
        slot[segment] =
          continues && typeof current === "string" && typeof found.value === "string"
            ? current + found.value
            : found.value;
        break;
      }
      const next = slot[segment];
      if (typeof next !== "object" || next === null) {
        slot[segment] = typeof segments[position + 1] === "number" ? [] : {};
      }
      container = slot[segment] as Record<string, unknown> | unknown[];
    }
    return true;
  }
}
