import type { ChatCompletionResponse, IdGenerator, Translation, Warning } from "@switchyard/core";
import { finishReasonToStopReason } from "./map-stop-reason";
import type { MessagesOutputBlock, MessagesResponse } from "./messages-output";
import { chatUsageToMessages } from "./messages-usage";
import { reasoningBlocks } from "./reasoning-blocks";

/** Parses tool call arguments into the object Anthropic's `input` requires, warning when they are not JSON. */
export function parseToolInput(argumentsText: string, toolCallId: string, warnings: Warning[]): unknown {
  if (argumentsText.trim() === "") return {};
  try {
    const input: unknown = JSON.parse(argumentsText);
    if (typeof input === "object" && input !== null && !Array.isArray(input)) return input;
  } catch {
    // Reported below.
  }
  warnings.push({
    type: "adjusted_parameter",
    code: "tool_calls.function.arguments",
    message: `Tool call ${toolCallId} had arguments that are not a JSON object; they are passed as {"arguments": <text>}.`,
  });
  return { arguments: argumentsText };
}

/** Translates a Chat answer into a Messages answer: thinking first, then text, then tool_use blocks. */
export function chatResponseToMessages(
  response: ChatCompletionResponse,
  options: { ids: IdGenerator; model?: string },
): Translation<MessagesResponse> {
  const warnings: Warning[] = [];
  const choice = response.choices[0];
  if (response.choices.length > 1) {
    warnings.push({
      type: "dropped_content",
      code: "choices",
      message: "Only the first of several choices is returned.",
    });
  }
  const message = choice?.message;
  const content: MessagesOutputBlock[] = reasoningBlocks(
    message?.reasoning_content ?? message?.reasoning,
    message?.reasoning_details,
  );
  if (message?.content) content.push({ type: "text", text: message.content, citations: null });
  if (message?.refusal) content.push({ type: "text", text: message.refusal, citations: null });
  for (const call of message?.tool_calls ?? []) {
    // A custom tool's free-form input has no JSON form in Messages; it travels as `{input}`.
    content.push(
      call.type === "custom"
        ? { type: "tool_use", id: call.id, name: call.custom.name, input: { input: call.custom.input } }
        : {
            type: "tool_use",
            id: call.id,
            name: call.function.name,
            input: parseToolInput(call.function.arguments, call.id, warnings),
          },
    );
  }
  const stopReason =
    message?.refusal && choice?.finish_reason === "stop"
      ? "refusal"
      : finishReasonToStopReason(choice?.finish_reason);
  return {
    value: {
      id: options.ids("msg"),
      type: "message",
      role: "assistant",
      model: options.model ?? response.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: chatUsageToMessages(response.usage),
    },
    warnings,
  };
}
