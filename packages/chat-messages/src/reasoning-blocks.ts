import type { ReasoningDetail } from "@switchyard/core";
import { wrapReasoningDetails } from "@switchyard/core";
import type { MessagesOutputBlock } from "./messages-output";
import { isAnthropicDetail } from "./reasoning-envelope";

/**
 * The thinking blocks of an answer, from `reasoning_content` and `reasoning_details`: Claude's signed
 * thinking and redacted thinking as native blocks; other models' reasoning text as a thinking block whose
 * signature carries their opaque state (if any) in an envelope, so it comes back on the next turn.
 */
export function reasoningBlocks(
  reasoningText: string | null | undefined,
  details: ReasoningDetail[] | null | undefined,
): MessagesOutputBlock[] {
  const blocks: MessagesOutputBlock[] = [];
  const anthropic = (details ?? []).filter(isAnthropicDetail);
  const foreign = (details ?? []).filter((detail) => !isAnthropicDetail(detail));
  for (const detail of anthropic) {
    if (detail.type === "reasoning.text")
      blocks.push({ type: "thinking", thinking: detail.text, signature: detail.signature ?? "" });
    else if (detail.type === "reasoning.encrypted")
      blocks.push({ type: "redacted_thinking", data: detail.data });
  }
  const signedText = anthropic.some((detail) => detail.type === "reasoning.text");
  const text = reasoningText ?? "";
  if (!signedText && (text !== "" || foreign.length > 0)) {
    blocks.push({
      type: "thinking",
      thinking: text,
      signature: foreign.length > 0 ? wrapReasoningDetails(foreign) : "",
    });
  }
  return blocks;
}
