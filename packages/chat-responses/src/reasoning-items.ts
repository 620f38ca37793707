import {
  type IdGenerator,
  REASONING_FORMATS,
  type ReasoningDetail,
  ReasoningDetailSchema,
  type ReasoningItem,
} from "@switchyard/core";

/**
 * Prefix of an `encrypted_content` that wraps reasoning state of a non-OpenAI model (Anthropic signed or
 * redacted thinking, Gemini thought signatures). A Responses client treats `encrypted_content` as opaque and
 * sends it back unchanged, so the state survives a tool loop served from a Chat upstream.
 */
export const WRAPPED_REASONING_PREFIX = "switchyard.reasoning_details.v1:";

const isOpenAIFormat = (format: string | undefined): boolean => format === REASONING_FORMATS.openai;

/** Whether a detail carries state only its own model family can read (anything but OpenAI's). */
const isForeignState = (detail: ReasoningDetail): boolean =>
  (detail.type === "reasoning.text" && detail.signature != null) ||
  (detail.type === "reasoning.encrypted" && !isOpenAIFormat(detail.format));

function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): string | undefined {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Wraps non-OpenAI reasoning details into one opaque `encrypted_content` string. */
export function wrapReasoningDetails(details: readonly ReasoningDetail[]): string {
  return WRAPPED_REASONING_PREFIX + toBase64(JSON.stringify(details));
}

/** Unwraps details made by `wrapReasoningDetails`; undefined for any other string (a real OpenAI blob). */
export function unwrapReasoningDetails(encrypted: string): ReasoningDetail[] | undefined {
  if (!encrypted.startsWith(WRAPPED_REASONING_PREFIX)) return undefined;
  const json = fromBase64(encrypted.slice(WRAPPED_REASONING_PREFIX.length));
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const result = ReasoningDetailSchema.array().safeParse(parsed);
  return result.success ? result.data : undefined;
}

/**
 * A Responses `reasoning` item -> `reasoning_details` entries: summaries become `reasoning.summary`, reasoning
 * text `reasoning.text`, and `encrypted_content` a `reasoning.encrypted` detail, all with format
 * `openai-responses-v1` and the item id. A wrapped `encrypted_content` gives back the original details.
 */
export function reasoningItemToDetails(item: ReasoningItem): ReasoningDetail[] {
  const unwrapped = item.encrypted_content == null ? undefined : unwrapReasoningDetails(item.encrypted_content);
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

/**
 * Chat reasoning (`reasoning_details`, else `reasoning_content`) -> Responses `reasoning` items. OpenAI state
 * maps field by field; a group holding another family's signed or encrypted state keeps its readable text
 * and carries the original details wrapped in `encrypted_content` (see `WRAPPED_REASONING_PREFIX`).
 */
export function chatReasoningToItems(
  reasoningText: string | null | undefined,
  details: readonly ReasoningDetail[] | null | undefined,
  ids: IdGenerator,
): ReasoningItem[] {
  const all: ReasoningDetail[] = [...(details ?? [])];
  const hasText = all.some((detail) => detail.type === "reasoning.text");
  if (!hasText && reasoningText != null && reasoningText !== "") {
    all.unshift({ type: "reasoning.text", text: reasoningText });
  }
  return groupDetails(all).map((group) => {
    const id = group.find((detail) => detail.id != null)?.id ?? ids("rs");
    const summary = group.flatMap((detail) =>
      detail.type === "reasoning.summary" ? [{ type: "summary_text" as const, text: detail.summary }] : [],
    );
    const content = group.flatMap((detail) =>
      detail.type === "reasoning.text" ? [{ type: "reasoning_text" as const, text: detail.text }] : [],
    );
    const blob = group.find((detail) => detail.type === "reasoning.encrypted");
    const encrypted = group.some(isForeignState)
      ? wrapReasoningDetails(group)
      : blob?.type === "reasoning.encrypted"
        ? blob.data
        : undefined;
    return {
      id,
      type: "reasoning",
      summary,
      ...(content.length > 0 ? { content } : {}),
      ...(encrypted === undefined ? {} : { encrypted_content: encrypted }),
    };
  });
}
