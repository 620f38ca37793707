import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from "@switchyard/anthropic-api";
import {
  type ChatAssistantMessage,
  REASONING_FORMATS,
  type ReasoningDetail,
  type Warning,
} from "@switchyard/core";

const PREVIEW_LENGTH = 200;

const preview = (text: string): string =>
  text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}...` : text;

const byIndex = (details: readonly ReasoningDetail[]): ReasoningDetail[] =>
  details
    .map((detail, position) => ({ detail, position }))
    .sort(
      (a, b) => (a.detail.index ?? a.position) - (b.detail.index ?? b.position) || a.position - b.position,
    )
    .map(({ detail }) => detail);

/**
 * Turns an assistant message's `reasoning_details` back into thinking blocks, in order, to be placed before
 * the turn's text and tool_use (Anthropic requires thinking blocks of a tool-use turn to be sent back
 * unchanged: https://platform.claude.com/docs/en/build-with-claude/extended-thinking#preserving-thinking-blocks).
 * Only details of format `anthropic-claude-v1` go back; a signed `reasoning.text` becomes `thinking`, a
 * `reasoning.encrypted` becomes `redacted_thinking`. Anything else is dropped with a warning that quotes it.
 */
export function convertReasoningDetails(
  message: ChatAssistantMessage,
  path: string,
  warnings: Warning[],
): Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> {
  const details = message.reasoning_details ?? [];
  const blocks: Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> = [];
  byIndex(details).forEach((detail) => {
    const drop = (reason: string, text: string) =>
      warnings.push({
        type: "dropped_content",
        code: "reasoning_details",
        message: `${path}.reasoning_details: ${reason}; it was not sent to Anthropic${text === "" ? "" : ` (text: "${preview(text)}")`}.`,
      });
    if (detail.format !== REASONING_FORMATS.anthropic) {
      const text =
        detail.type === "reasoning.text"
          ? detail.text
          : detail.type === "reasoning.summary"
            ? detail.summary
            : "";
      drop(
        `reasoning of format '${detail.format ?? "unknown"}' can only go back to the model family that made it`,
        text,
      );
      return;
    }
    if (detail.type === "reasoning.encrypted") {
      blocks.push({ type: "redacted_thinking", data: detail.data });
      return;
    }
    if (detail.type === "reasoning.text" && detail.signature != null && detail.signature !== "") {
      blocks.push({ type: "thinking", thinking: detail.text, signature: detail.signature });
      return;
    }
    drop(
      detail.type === "reasoning.text"
        ? "unsigned thinking cannot be replayed"
        : "a reasoning summary cannot be replayed",
      detail.type === "reasoning.text" ? detail.text : detail.summary,
    );
  });
  const reasoningText = message.reasoning_content ?? message.reasoning;
  if (details.length === 0 && reasoningText != null && reasoningText !== "")
    warnings.push({
      type: "dropped_content",
      code: "reasoning_content",
      message: `${path}.reasoning_content: reasoning text without a signed reasoning_details entry cannot be replayed to Anthropic; it was not sent (text: "${preview(reasoningText)}").`,
    });
  return blocks;
}
