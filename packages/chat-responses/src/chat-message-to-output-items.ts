import type {
  ChatAnnotation,
  ChatLogprobs,
  ChatResponseMessage,
  ChatTokenLogprob,
  IdGenerator,
  OutputContent,
  ResponseLogprob,
  ResponseOutputItem,
  Warning,
} from "@switchyard/core";
import { chatReasoningToItems } from "./reasoning-items";
import {
  functionCallToOutputItem,
  outputToolCallTypeOf,
  TOOL_CALL_ID_PREFIX,
} from "./tools/tool-call-output-items";
import { createToolSurface, type ToolSurface } from "./tools/tool-surface";

type ItemStatus = "completed" | "incomplete";

/** Chat `url_citation` annotations nest their fields; Responses annotations are flat. */
function toResponsesAnnotation(annotation: ChatAnnotation): { type: string } {
  if (annotation.type !== "url_citation" || annotation.url_citation === undefined) return annotation;
  const { url, title, start_index, end_index } = annotation.url_citation;
  const flat = { type: "url_citation", url, title, start_index, end_index };
  return flat;
}

/** Chat token logprobs -> Responses logprobs (`bytes` is an array there; null becomes empty). */
export function toResponsesLogprobs(logprobs: readonly ChatTokenLogprob[]): ResponseLogprob[] {
  return logprobs.map((entry) => ({
    token: entry.token,
    logprob: entry.logprob,
    bytes: entry.bytes ?? [],
    top_logprobs: entry.top_logprobs.map((top) => ({
      token: top.token,
      logprob: top.logprob,
      bytes: top.bytes ?? [],
    })),
  }));
}

const phaseOf = (message: ChatResponseMessage): "commentary" | "final_answer" | undefined => {
  const phase = (message as { phase?: unknown }).phase;
  return phase === "commentary" || phase === "final_answer" ? phase : undefined;
};

/**
 * The assistant message of a Chat completion -> Responses output items, in the order a Responses model
 * emits them: reasoning (its text as `summary_text`, as the stream transcoder emits it), then the message
 * (text and refusal parts), then one item per tool call: the `function_call`, `custom_tool_call`,
 * `local_shell_call` or `shell_call` the request's `surface` says the called function stands for.
 * A message with neither text, refusal nor tool calls still yields a message with one empty text part.
 */
export function chatMessageToOutputItems(
  message: ChatResponseMessage,
  options: {
    ids: IdGenerator;
    status: ItemStatus;
    logprobs?: ChatLogprobs | null;
    warnings: Warning[];
    surface?: ToolSurface;
  },
): ResponseOutputItem[] {
  const { ids, status, logprobs, warnings } = options;
  const surface = options.surface ?? createToolSurface(undefined);
  const items: ResponseOutputItem[] = chatReasoningToItems(
    message.reasoning_content ?? message.reasoning,
    message.reasoning_details,
    { ids, wrapForeignState: true, textAs: "summary" },
  );

  const toolCalls = message.tool_calls ?? [];
  const content: OutputContent[] = [];
  const text = message.content;
  const hasText = text != null && text !== "";
  const hasRefusal = message.refusal != null && message.refusal !== "";
  if (hasText || (!hasRefusal && toolCalls.length === 0 && message.function_call == null)) {
    content.push({
      type: "output_text",
      text: text ?? "",
      annotations: (message.annotations ?? []).map(toResponsesAnnotation),
      logprobs: toResponsesLogprobs(logprobs?.content ?? []),
    });
  }
  if (hasRefusal) content.push({ type: "refusal", refusal: message.refusal ?? "" });
  if ((logprobs?.refusal ?? []).length > 0) {
    warnings.push({
      type: "dropped_content",
      code: "choices[0].logprobs.refusal",
      message: "Responses refusal parts carry no logprobs; the refusal's logprobs were dropped.",
    });
  }
  if (content.length > 0) {
    const phase = phaseOf(message);
    items.push({
      id: ids("msg"),
      type: "message",
      status,
      content,
      role: "assistant",
      ...(phase === undefined ? {} : { phase }),
    });
  }

  for (const call of toolCalls) {
    if (call.type === "custom") {
      items.push({
        id: ids(TOOL_CALL_ID_PREFIX.custom_tool_call),
        type: "custom_tool_call",
        status,
        call_id: call.id,
        name: call.custom.name,
        input: call.custom.input,
      });
      continue;
    }
    const type = outputToolCallTypeOf(call.function.name, surface);
    const finished = {
      id: ids(TOOL_CALL_ID_PREFIX[type]),
      callId: call.id,
      chatName: call.function.name,
      arguments: call.function.arguments,
      status,
    };
    items.push(functionCallToOutputItem(finished, surface, warnings));
  }
  if (message.function_call != null) {
    items.push({
      id: ids("fc"),
      type: "function_call",
      status,
      call_id: ids("call"),
      name: message.function_call.name,
      arguments: message.function_call.arguments,
    });
  }
  if (message.audio != null) {
    warnings.push({
      type: "dropped_content",
      code: "choices[0].message.audio",
      message: "Responses output has no audio item; the assistant's audio was dropped.",
    });
  }
  return items;
}
