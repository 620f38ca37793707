import {
  type IdGenerator,
  REASONING_ENVELOPE_PREFIX,
  REASONING_FORMATS,
  type ReasoningDetail,
  type ReasoningItem,
  unwrapReasoningDetails,
  wrapReasoningDetails,
} from "@switchyard/core";

export { unwrapReasoningDetails, wrapReasoningDetails };

/** Prefix of an `encrypted_content` that wraps non-OpenAI reasoning state (core's reasoning envelope). */
export const WRAPPED_REASONING_PREFIX = REASONING_ENVELOPE_PREFIX;

const isOpenAIFormat = (format: string | undefined): boolean => format === REASONING_FORMATS.openai;

/** Whether a detail carries state only its own model family can read (anything but OpenAI's). */
export const isForeignState = (detail: ReasoningDetail): boolean =>
  (detail.type === "reasoning.text" && detail.signature != null) ||
  (detail.type === "reasoning.encrypted" && !isOpenAIFormat(detail.format));

/**
 * A Responses `reasoning` item -> `reasoning_details` entries: summaries become `reasoning.summary`, reasoning
 * text `reasoning.text`, and `encrypted_content` a `reasoning.encrypted` detail, all with format
 * `openai-responses-v1` and the item id. A wrapped `encrypted_content` gives back the original details.
 */
export function reasoningItemToDetails(item: ReasoningItem): ReasoningDetail[] {
  const unwrapped =
    item.encrypted_content == null ? undefined : unwrapReasoningDetails(item.encrypted_content);
  if (unwrapped !== undefined) return unwrapped;
  const origin = { ...(item.id === undefined ? {} : { id: item.id }), format: REASONING_FORMATS.openai };
  const details: ReasoningDetail[] = [];
  for (const part of item.summary) details.push({ type: "reasoning.summary", summary: part.text, ...origin });
  for (const part of item.content ?? []) details.push({ type: "reasoning.text", text: part.text, ...origin });
  if (item.encrypted_content != null) {
    details.push({ type: "reasoning.encrypted", data: item.encrypted_content, ...origin });
  }
  return details;
}

/** The readable reasoning text of some details (`reasoning.text` entries joined by newlines), if any. */
export function reasoningTextOf(details: readonly ReasoningDetail[]): string | undefined {
  const texts = details.flatMap((detail) => (detail.type === "reasoning.text" ? [detail.text] : []));
  return texts.length === 0 ? undefined : texts.join("\n");
}

/** Splits details into one group per reasoning item: a new group starts at a new id or a second blob. */
function groupDetails(details: readonly ReasoningDetail[]): ReasoningDetail[][] {
  const groups: ReasoningDetail[][] = [];
  let current: ReasoningDetail[] | undefined;
  let currentId: string | undefined;
  for (const detail of details) {
    const id = detail.id ?? undefined;
    const newId = id !== undefined && currentId !== undefined && id !== currentId;
    const secondBlob =
      detail.type === "reasoning.encrypted" && current?.some((entry) => entry.type === "reasoning.encrypted");
    if (current === undefined || newId || secondBlob) {
      current = [];
      groups.push(current);
      currentId = undefined;
    }
    current.push(detail);
    currentId ??= id;
  }
  return groups;
}

/** Where `chatReasoningToItems` puts readable reasoning text (`reasoning_content`, `reasoning.text` details). */
export type ReasoningTextPlacement = "summary" | "content";

/**
 * Chat reasoning (`reasoning_details`, else `reasoning_content`) -> Responses `reasoning` items. OpenAI state
 * maps field by field; a group holding another family's signed or encrypted state keeps its readable text
 * and carries the original details wrapped in `encrypted_content` (see `WRAPPED_REASONING_PREFIX`).
 * Readable text goes to `summary` as `summary_text` parts (output items, as the stream transcoder emits it;
 * empty text makes no part) or to `content` as `reasoning_text` parts (input items sent back to OpenAI).
 * Without `ids`, items without a detail id get no id (input items may omit it). With `wrapForeignState`
 * false, blobs map to `encrypted_content` as they are (the caller filtered them).
 */
export function chatReasoningToItems(
  reasoningText: string | null | undefined,
  details: readonly ReasoningDetail[] | null | undefined,
  options: { ids?: IdGenerator; wrapForeignState: boolean; textAs: ReasoningTextPlacement },
): ReasoningItem[] {
  const { ids, wrapForeignState, textAs } = options;
  const all: ReasoningDetail[] = [...(details ?? [])];
  const hasText = all.some((detail) => detail.type === "reasoning.text");
  if (!hasText && reasoningText != null && reasoningText !== "") {
    all.unshift({ type: "reasoning.text", text: reasoningText });
  }
  return groupDetails(all).map((group) => {
    const id = group.find((detail) => detail.id != null)?.id ?? ids?.("rs");
    const summary = group.flatMap((detail) => {
      if (detail.type === "reasoning.summary")
        return [{ type: "summary_text" as const, text: detail.summary }];
      if (detail.type === "reasoning.text" && textAs === "summary" && detail.text !== "") {
        return [{ type: "summary_text" as const, text: detail.text }];
      }
      return [];
    });
    const content =
      textAs === "content"
        ? group.flatMap((detail) =>
            detail.type === "reasoning.text" ? [{ type: "reasoning_text" as const, text: detail.text }] : [],
          )
        : [];
    const blob = group.find((detail) => detail.type === "reasoning.encrypted");
    const encrypted =
      wrapForeignState && group.some(isForeignState)
        ? wrapReasoningDetails(group)
        : blob?.type === "reasoning.encrypted"
          ? blob.data
          : undefined;
    return {
      ...(id == null ? {} : { id }),
      type: "reasoning",
      summary,
      ...(content.length > 0 ? { content } : {}),
      ...(encrypted === undefined ? {} : { encrypted_content: encrypted }),
    };
  });
}

/**
 * The `reasoning_content` a Chat reader gets for some Responses `reasoning` items, by the rule of the stream
 * transcoder (`@switchyard/stream`): an item's reasoning text (its `content` parts, concatenated) when it has
 * any, else its summaries joined by a blank line (`\n\n`); the items' texts concatenated. Undefined when
 * that is empty.
 */
export function reasoningContentOf(items: readonly ReasoningItem[]): string | undefined {
  const text = items
    .map((item) =>
      (item.content ?? []).length > 0
        ? (item.content ?? []).map((part) => part.text).join("")
        : item.summary.map((part) => part.text).join("\n\n"),
    )
    .join("");
  return text === "" ? undefined : text;
}
