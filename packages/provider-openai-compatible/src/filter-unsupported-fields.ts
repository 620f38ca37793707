import { type Translation, unsupportedParameter, type Warning } from "@switchyard/core";
import type { JsonObject } from "./json-value";

/** Fields every Chat request keeps, whatever a preset lists. */
const ALWAYS_KEPT = new Set(["model", "messages", "stream"]);

/** What `filterUnsupportedFields` checks a body against. */
export interface FieldFilter {
  /** The fields the server accepts; every field when absent. */
  supported?: readonly string[];
  /** Fields rejected on top of that (per model). */
  rejected?: readonly string[];
  /** Who rejects them, for the warning text (`groq`, `mistral`, ...). */
  target: string;
}

/**
 * Removes the top-level fields a server does not accept, one `unsupported_parameter` warning each, so the
 * server never answers 400 for them. Fields set to `null` mean "not set" and are removed without a
 * warning, and so is `n: 1` (the default) where `n` is not accepted.
 */
export function filterUnsupportedFields(body: JsonObject, filter: FieldFilter): Translation<JsonObject> {
  const supported = filter.supported === undefined ? undefined : new Set(filter.supported);
  const rejected = new Set(filter.rejected ?? []);
  const value: JsonObject = {};
  const warnings: Warning[] = [];
  for (const [field, fieldValue] of Object.entries(body)) {
    if (fieldValue === null || fieldValue === undefined) continue;
    const accepted =
      ALWAYS_KEPT.has(field) || ((supported === undefined || supported.has(field)) && !rejected.has(field));
    if (accepted) value[field] = fieldValue;
    else if (!(field === "n" && fieldValue === 1)) warnings.push(unsupportedParameter(field, filter.target));
  }
  return { value, warnings };
}
