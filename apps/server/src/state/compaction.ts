import type { ResponseInputItem } from "@switchyard/core";

/**
 * Prefix of the `encrypted_content` of a compaction item the gateway wrote. The content is opaque to the
 * client (OpenAI documents it as encrypted); the gateway reads it back on any model, so a compaction made
 * on one model continues on another.
 */
export const COMPACTION_PREFIX = "switchyard.compaction.v1:";

/** What a gateway compaction holds: the summary the model wrote, and which model wrote it. */
export interface CompactionContent {
  summary: string;
  model: string;
}

/** The instruction the model compacts under. */
export const COMPACTION_INSTRUCTIONS =
  "You are compacting a conversation so it can continue in a fresh context window. Write a complete, " +
  "self-contained summary of everything above: the user's goals and constraints, decisions made, facts " +
  "and results established (including tool results), work in progress and what remains to be done. " +
  "Keep names, numbers, identifiers and code exactly. Write only the summary.";

/** The text a compaction becomes in a model's input. */
const SUMMARY_HEADER = "Summary of the earlier conversation, written when its context was compacted:";

const toBase64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

/** Wraps a compaction into the opaque string of a `compaction` item's `encrypted_content`. */
export function wrapCompaction(content: CompactionContent): string {
  return COMPACTION_PREFIX + toBase64(JSON.stringify(content));
}

/** Reads a string made by `wrapCompaction`; undefined for anything else (OpenAI's own compactions). */
export function unwrapCompaction(encrypted: string): CompactionContent | undefined {
  if (!encrypted.startsWith(COMPACTION_PREFIX)) return undefined;
  try {
    const parsed = JSON.parse(
      Buffer.from(encrypted.slice(COMPACTION_PREFIX.length), "base64").toString("utf8"),
    );
    if (typeof parsed?.summary === "string" && typeof parsed?.model === "string")
      return { summary: parsed.summary, model: parsed.model };
  } catch {
    // Not one of ours.
  }
  return undefined;
}

/** The gateway compaction an item holds, if it is one. */
function gatewayCompactionOf(item: ResponseInputItem): CompactionContent | undefined {
  if (item.type !== "compaction") return undefined;
  const encrypted = (item as { encrypted_content?: unknown }).encrypted_content;
  return typeof encrypted === "string" ? unwrapCompaction(encrypted) : undefined;
}

/**
 * Input items with every gateway `compaction` item replaced by a user message holding its summary, which
 * every model reads. Other items, OpenAI's own compactions included, stay as they are. The same array when
 * there is nothing to replace.
 */
export function expandCompactions(items: ResponseInputItem[]): ResponseInputItem[] {
  if (!items.some((item) => gatewayCompactionOf(item) !== undefined)) return items;
  return items.map((item) => {
    const content = gatewayCompactionOf(item);
    if (content === undefined) return item;
    return {
      type: "message",
      role: "user",
      content: [{ type: "input_text", text: `${SUMMARY_HEADER}\n\n${content.summary}` }],
    };
  });
}
