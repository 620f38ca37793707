import type {
  ChatDelta,
  ChatToolCallDelta,
  ReasoningEncryptedDetail,
  ReasoningTextDetail,
  ResponseStreamEvent,
} from "@switchyard/core";

/** Receives what one Chat delta carries, in the order a Response lays it out: reasoning, text, calls. */
export interface ChatDeltaSink {
  /**
   * Reasoning text. `restated` marks the text of a `reasoning.text` detail, which may repeat text already
   * streamed as `reasoning_content` deltas (Anthropic sends each thinking block's text again, signed, when the
   * block ends).
   */
  reasoning(
    text: string,
    detailId: string | null | undefined,
    events: ResponseStreamEvent[],
    restated?: boolean,
  ): void;
  /** A signature on reasoning text, or an encrypted blob. */
  reasoningState(detail: ReasoningTextDetail | ReasoningEncryptedDetail, events: ResponseStreamEvent[]): void;
  text(text: string, events: ResponseStreamEvent[]): void;
  refusal(text: string, events: ResponseStreamEvent[]): void;
  toolFragment(fragment: ChatToolCallDelta, events: ResponseStreamEvent[]): void;
}

/** Mistral sends `content` as an array of `text` and `thinking` parts. */
interface ContentPartLike {
  type?: unknown;
  text?: unknown;
  thinking?: unknown;
}

/**
 * Reads one Chat delta into a sink, absorbing the upstream dialects: `reasoning_content` (DeepSeek, xAI) or
 * `reasoning` (Groq, OpenRouter); `reasoning_details`, whose text OpenRouter repeats in `reasoning` (taken
 * once); Mistral's array `content` with `thinking` parts; and the legacy `function_call`.
 */
export function readChatDelta(delta: ChatDelta, sink: ChatDeltaSink, events: ResponseStreamEvent[]): void {
  const reasoningText = delta.reasoning_content ?? delta.reasoning;
  const hasReasoningText = reasoningText != null && reasoningText !== "";
  if (hasReasoningText) sink.reasoning(reasoningText, undefined, events);
  const details = delta.reasoning_details;
  if (details != null) {
    for (const detail of details) {
      if (detail.type === "reasoning.text") {
        if (!hasReasoningText && detail.text !== "") sink.reasoning(detail.text, detail.id, events, true);
        sink.reasoningState(detail, events);
      } else if (detail.type === "reasoning.summary") {
        if (!hasReasoningText && detail.summary !== "") sink.reasoning(detail.summary, detail.id, events);
      } else if (detail.type === "reasoning.encrypted") {
        sink.reasoningState(detail, events);
      }
    }
  }
  const content: unknown = delta.content;
  if (typeof content === "string") {
    if (content !== "") sink.text(content, events);
  } else if (Array.isArray(content)) {
    for (const part of content as ContentPartLike[]) {
      if (part.type === "text" && typeof part.text === "string" && part.text !== "")
        sink.text(part.text, events);
      else if (part.type === "thinking" && Array.isArray(part.thinking)) {
        for (const thought of part.thinking as ContentPartLike[]) {
          if (typeof thought.text === "string" && thought.text !== "")
            sink.reasoning(thought.text, undefined, events);
        }
      }
    }
  }
  if (delta.refusal != null && delta.refusal !== "") sink.refusal(delta.refusal, events);
  const toolCalls = delta.tool_calls;
  if (toolCalls != null) {
    for (let position = 0; position < toolCalls.length; position++)
      sink.toolFragment(toolCalls[position]!, events);
  }
  if (delta.function_call != null) sink.toolFragment({ index: 0, function: delta.function_call }, events);
}
