import type {
  ChatCompletionChunk,
  ChatCompletionResponse,
  ChatTokenLogprob,
  ChatToolCall,
  ChatUsage,
  ReasoningDetail,
} from "@switchyard/core";

/**
 * Folds a Chat stream into the non-streaming completion it stands for (choice 0): concatenated content,
 * refusal, reasoning and logprobs, tool calls by `index`, the finish reason and the last usage seen.
 */
export function accumulateChatChunks(chunks: readonly ChatCompletionChunk[]): ChatCompletionResponse {
  let content: string | null = null;
  let refusal: string | null = null;
  let reasoning: string | null = null;
  let finishReason: string | null = null;
  let usage: ChatUsage | null = null;
  const details: ReasoningDetail[] = [];
  const logprobs: ChatTokenLogprob[] = [];
  const calls = new Map<number, ChatToolCall>();
  for (const chunk of chunks) {
    if (chunk.usage != null) usage = chunk.usage;
    for (const choice of chunk.choices) {
      if (choice.index !== 0) continue;
      const delta = choice.delta;
      for (const token of choice.logprobs?.content ?? []) logprobs.push(token);
      if (typeof delta.content === "string" && delta.content !== "")
        content = (content ?? "") + delta.content;
      if (delta.refusal) refusal = (refusal ?? "") + delta.refusal;
      const thought = delta.reasoning_content ?? delta.reasoning;
      if (thought) reasoning = (reasoning ?? "") + thought;
      for (const detail of delta.reasoning_details ?? []) details.push(detail);
      for (const fragment of delta.tool_calls ?? []) {
        const known = calls.get(fragment.index);
        const custom = fragment.type === "custom" || known?.type === "custom";
        const call: ChatToolCall =
          known ??
          (custom
            ? { id: "", type: "custom", custom: { name: "", input: "" } }
            : { id: "", type: "function", function: { name: "", arguments: "" } });
        if (fragment.id) call.id = fragment.id;
        if (call.type === "custom") {
          if (fragment.custom?.name) call.custom.name = fragment.custom.name;
          call.custom.input += fragment.custom?.input ?? "";
        } else {
          if (fragment.function?.name) call.function.name = fragment.function.name;
          call.function.arguments += fragment.function?.arguments ?? "";
        }
        calls.set(fragment.index, call);
      }
      if (choice.finish_reason != null) finishReason = choice.finish_reason;
    }
  }
  const first = chunks[0];
  const toolCalls = [...calls.entries()].sort(([left], [right]) => left - right).map(([, call]) => call);
  return {
    id: first?.id ?? "",
    object: "chat.completion",
    created: first?.created ?? 0,
    model: first?.model ?? "",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content,
          refusal,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          ...(reasoning === null ? {} : { reasoning_content: reasoning }),
          ...(details.length > 0 ? { reasoning_details: details } : {}),
        },
        finish_reason: finishReason,
        logprobs: logprobs.length > 0 ? { content: logprobs, refusal: null } : null,
      },
    ],
    usage,
  };
}
