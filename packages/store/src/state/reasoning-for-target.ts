import {
  type ReasoningItem,
  type ResponseInputItem,
  unwrapReasoningDetails,
  type Warning,
} from "@switchyard/core";
import type { Producer } from "../records";
import { type ContextItem, sameProducer } from "./context-item";

/** The warning code of opaque reasoning state dropped because the target did not produce it. */
export const DROPPED_REASONING_STATE_CODE = "reasoning.encrypted_content";

/**
 * A reasoning item without its opaque state, its readable text kept. A gateway envelope (another family's
 * details wrapped in `encrypted_content`) may hold text the item's own fields lack: it is recovered first.
 */
function withoutOpaqueState(item: ReasoningItem): ReasoningItem {
  const { encrypted_content: encrypted, ...rest } = item;
  const details = encrypted == null ? undefined : unwrapReasoningDetails(encrypted);
  const hasText = item.summary.length > 0 || (item.content ?? []).length > 0;
  if (details === undefined || hasText) return rest;
  const summary = details.flatMap((detail) =>
    detail.type === "reasoning.summary" ? [{ type: "summary_text" as const, text: detail.summary }] : [],
  );
  const content = details.flatMap((detail) =>
    detail.type === "reasoning.text" ? [{ type: "reasoning_text" as const, text: detail.text }] : [],
  );
  return { ...rest, summary, ...(content.length > 0 ? { content } : {}) };
}

const describe = (producer: Producer): string => `${producer.provider}/${producer.model}`;

/**
 * The reasoning-state rule: opaque reasoning state goes back only to the provider and model that produced
 * it. Items of another producer keep their reasoning text and lose `encrypted_content` (Anthropic rejects
 * a thinking block another model signed: "Invalid signature in thinking block"); one warning per producer
 * says so. Items the client sent (producer null) and items of the target pass unchanged, byte for byte.
 */
export function applyReasoningRule(
  items: readonly ContextItem[],
  target: Producer,
): { input: ResponseInputItem[]; warnings: Warning[] } {
  const dropped = new Map<string, number>();
  const input = items.map(({ item, producer }): ResponseInputItem => {
    if (item.type !== "reasoning" || producer === null || sameProducer(producer, target)) return item;
    if (item.encrypted_content == null) return item;
    const key = describe(producer);
    dropped.set(key, (dropped.get(key) ?? 0) + 1);
    return withoutOpaqueState(item);
  });
  const warnings = [...dropped].map(
    ([from, count]): Warning => ({
      type: "dropped_content",
      code: DROPPED_REASONING_STATE_CODE,
      message:
        `Dropped the opaque reasoning state of ${count} stored reasoning item${count === 1 ? "" : "s"} ` +
        `produced by ${from}: it goes back only to the model that produced it, not to ${describe(target)}. ` +
        "The reasoning text was kept.",
    }),
  );
  return { input, warnings };
}
