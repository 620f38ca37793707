import type { Warning } from "@switchyard/core";

/** The response header that carries translation warnings where the body has no place for them. */
export const WARNINGS_HEADER = "x-switchyard-warnings";

/** Longest header value written; proxies and clients commonly cap a header line at 8 KiB. */
export const WARNINGS_HEADER_LIMIT = 4_096;

/** JSON with every character outside printable ASCII escaped as `\uXXXX`: still JSON, and header-safe. */
const headerSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/**
 * The `x-switchyard-warnings` header for `warnings`: a JSON array, ASCII only, at most
 * `WARNINGS_HEADER_LIMIT` characters (warnings that do not fit are replaced by one saying how many were
 * left out). No header when there is no warning.
 */
export function warningsHeader(warnings: readonly Warning[]): Record<string, string> {
  if (warnings.length === 0) return {};
  const whole = headerSafeJson(warnings);
  if (whole.length <= WARNINGS_HEADER_LIMIT) return { [WARNINGS_HEADER]: whole };
  const note = (omitted: number): Warning => ({
    type: "dropped_content",
    code: WARNINGS_HEADER,
    message: `${omitted} more warning${omitted === 1 ? " was" : "s were"} left out of this header.`,
  });
  // Sized with the largest count, so the final note (with a count no larger) always fits.
  const room = WARNINGS_HEADER_LIMIT - headerSafeJson(note(warnings.length)).length - 1;
  const kept: Warning[] = [];
  for (const warning of warnings) {
    if (headerSafeJson([...kept, warning]).length > room) break;
    kept.push(warning);
  }
  return { [WARNINGS_HEADER]: headerSafeJson([...kept, note(warnings.length - kept.length)]) };
}
