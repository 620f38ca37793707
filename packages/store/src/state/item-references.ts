import { invalidRequest, type ResponseInputItem } from "@switchyard/core";
import type { StoredItem } from "../records";
import type { ContextItem } from "./context-item";

/** The distinct ids of the `item_reference` items of a request's input, in first-seen order. */
export function itemReferenceIds(input: readonly ResponseInputItem[]): string[] {
  const ids = new Set<string>();
  for (const item of input) if (item.type === "item_reference") ids.add(item.id);
  return [...ids];
}

/**
 * A request's input with every `item_reference` replaced by the stored item it names (looked up by the
 * caller, owner-scoped, e.g. with `ResponseStore.findItems`). Items the client sent carry producer null.
 * Throws a 400 naming the input index when a reference names no stored item.
 */
export function resolveItemReferences(
  input: readonly ResponseInputItem[],
  found: ReadonlyMap<string, StoredItem>,
): ContextItem[] {
  return input.map((item, index): ContextItem => {
    if (item.type !== "item_reference") return { item, producer: null };
    const stored = found.get(item.id);
    if (stored === undefined) {
      throw invalidRequest(
        `input[${index}]: item_reference '${item.id}' does not name a stored item.`,
        `input[${index}].id`,
      );
    }
    return stored;
  });
}
