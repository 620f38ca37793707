import type { ChatAssistantMessage, ChatMessage } from "@switchyard/core";

/** The reasoning text of an assistant message, whichever extension field holds it. */
function reasoningTextOf(message: ChatAssistantMessage): string | undefined {
  if (typeof message.reasoning_content === "string") return message.reasoning_content;
  if (typeof message.reasoning === "string") return message.reasoning;
  const texts = (message.reasoning_details ?? []).flatMap((detail) =>
    detail.type === "reasoning.text" ? [detail.text] : [],
  );
  return texts.length > 0 ? texts.join("") : undefined;
}

/**
 * Puts `reasoning_content` on the assistant messages where DeepSeek requires it and removes it elsewhere
 * (https://api-docs.deepseek.com/guides/thinking_mode):
 * - an assistant turn that made tool calls must send its `reasoning_content` back "in all subsequent
 *   requests", or the API answers 400;
 * - a turn without tool calls needs none: the current API ignores it, and the `deepseek-reasoner` guide
 *   (https://api-docs.deepseek.com/guides/reasoning_model) answers 400 when it is sent.
 * Reasoning found in `reasoning` or in `reasoning_details` text is used too; the opaque details never go to
 * DeepSeek.
 */
export function deepSeekReasoningHistory(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.map((message) => {
    if (message.role !== "assistant") return message;
    const {
      reasoning_content: _content,
      reasoning: _reasoning,
      reasoning_details: _details,
      ...rest
    } = message;
    const reasoning = reasoningTextOf(message);
    const madeToolCalls = (message.tool_calls?.length ?? 0) > 0;
    return madeToolCalls && reasoning !== undefined ? { ...rest, reasoning_content: reasoning } : rest;
  });
}
