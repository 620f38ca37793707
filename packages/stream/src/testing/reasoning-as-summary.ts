import type { ResponseObject } from "@switchyard/core";

/**
 * The stream carries Chat reasoning text as a reasoning summary (`reasoning_summary_text` events, which
 * Responses clients display), while chat-responses' non-streaming translation puts it in the item's
 * `content` as `reasoning_text`. This moves `content` text into `summary`, so both can be compared.
 */
export function reasoningContentAsSummary(response: ResponseObject): ResponseObject {
  const output = response.output.map((item) => {
    if (item.type !== "reasoning" || item.content == null || item.content.length === 0) return item;
    const { content, ...rest } = item;
    const text = content.map((part) => part.text).join("");
    return { ...rest, summary: [...item.summary, { type: "summary_text" as const, text }] };
  });
  return { ...response, output };
}
