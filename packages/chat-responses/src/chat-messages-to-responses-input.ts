import {
  type ChatAssistantMessage,
  type ChatContentPart,
  type ChatMessage,
  invalidRequest,
  type OutputContent,
  operationNotAllowed,
  REASONING_FORMATS,
  type ReasoningDetail,
  type ResponseInputItem,
  type Warning,
} from "@switchyard/core";
import { cacheControlWarning, chatPartToInput } from "./map-content-parts";
import { chatReasoningToItems } from "./reasoning-items";

const nameWarning = (path: string): Warning => ({
  type: "unsupported_parameter",
  code: `${path}.name`,
  message: `Parameter '${path}.name' is not supported by the Responses API; the participant name was dropped.`,
});

/**
 * An assistant message's reasoning -> reasoning input items. Only OpenAI's own state can go back to an
 * OpenAI Responses model: details of another family (signed text, foreign blobs) and bare reasoning text
 * are dropped with a warning.
 */
function reasoningInput(
  message: ChatAssistantMessage,
  path: string,
  warnings: Warning[],
): ResponseInputItem[] {
  const details: ReasoningDetail[] = message.reasoning_details ?? [];
  const kept = details.filter(isOpenAIState);
  if (kept.length < details.length) {
    warnings.push({
      type: "dropped_content",
      code: `${path}.reasoning_details`,
      message: `'${path}.reasoning_details' holds reasoning state of another model family, which an OpenAI Responses model cannot read; it was dropped.`,
    });
  }
  const text = message.reasoning_content ?? message.reasoning;
  if (details.length === 0 && text != null && text !== "") {
    warnings.push({
      type: "dropped_content",
      code: `${path}.reasoning_content`,
      message: `'${path}.reasoning_content' is reasoning text without OpenAI reasoning state; the Responses API accepts only its own reasoning items back, so it was dropped.`,
    });
  }
  return chatReasoningToItems(undefined, kept, { wrapForeignState: false, textAs: "content" });
}

/** OpenAI's own reasoning state, or state of no stated origin that is not signed by another family. */
const isOpenAIState = (detail: ReasoningDetail): boolean =>
  detail.format === undefined
    ? !(detail.type === "reasoning.text" && detail.signature != null)
    : detail.format === REASONING_FORMATS.openai;

/** Assistant `content` and `refusal` -> the content of a Responses assistant message, if any. */
function assistantContent(message: ChatAssistantMessage): string | OutputContent[] | undefined {
  const { content, refusal } = message;
  const hasRefusal = refusal != null && refusal !== "";
  if (typeof content === "string" && !hasRefusal) {
    return content === "" && (message.tool_calls ?? []).length > 0 ? undefined : content;
  }
  const parts: OutputContent[] = [];
  if (typeof content === "string" && content !== "") {
    parts.push({ type: "output_text", text: content, annotations: [] });
  } else if (Array.isArray(content)) {
    for (const part of content) {
      parts.push(
        part.type === "text"
          ? { type: "output_text", text: part.text, annotations: [] }
          : { type: "refusal", refusal: part.refusal },
      );
    }
  }
  if (hasRefusal) parts.push({ type: "refusal", refusal: refusal });
  if (parts.length === 0 && (message.tool_calls ?? []).length === 0 && message.function_call == null) {
    return "";
  }
  return parts.length === 0 ? undefined : parts;
}

function contentToInput(
  content: string | readonly ChatContentPart[],
  path: string,
  warnings: Warning[],
): string | ReturnType<typeof chatPartToInput>[] {
  if (typeof content === "string") return content;
  return content.map((part, index) => chatPartToInput(part, `${path}[${index}]`, warnings));
}

/**
 * Chat `messages` -> Responses `input` items: user, system and developer messages as messages; an assistant
 * message as its reasoning items, then its text (with `phase`, when set), then one `function_call` per tool
 * call; a tool message as `function_call_output`, which must answer an earlier call. Legacy
 * `function_call` messages are refused.
 */
export function chatMessagesToResponsesInput(
  messages: readonly ChatMessage[],
  warnings: Warning[],
  firstIndex = 0,
): ResponseInputItem[] {
  const items: ResponseInputItem[] = [];
  const callIds = new Set<string>();
  messages.forEach((message, offset) => {
    const path = `messages[${firstIndex + offset}]`;
    if (message.role !== "function" && message.cache_control !== undefined) {
      warnings.push(cacheControlWarning(path));
    }
    switch (message.role) {
      case "system":
      case "developer":
      case "user": {
        if (message.name !== undefined) warnings.push(nameWarning(path));
        items.push({
          type: "message",
          role: message.role,
          content: contentToInput(message.content, `${path}.content`, warnings),
        });
        return;
      }
      case "assistant": {
        if (message.name !== undefined) warnings.push(nameWarning(path));
        if (message.function_call != null) {
          throw operationNotAllowed(
            `${path}.function_call`,
            `${path}.function_call: legacy function calling is not supported by the Responses API; use tool_calls.`,
          );
        }
        items.push(...reasoningInput(message, path, warnings));
        const content = assistantContent(message);
        if (content !== undefined) {
          const phase = (message as { phase?: unknown }).phase;
          items.push({
            type: "message",
            role: "assistant",
            content,
            ...(phase === "commentary" || phase === "final_answer" ? { phase } : {}),
          });
        }
        for (const call of message.tool_calls ?? []) {
          callIds.add(call.id);
          items.push(
            call.type === "custom"
              ? {
                  type: "custom_tool_call",
                  call_id: call.id,
                  name: call.custom.name,
                  input: call.custom.input,
                }
              : {
                  type: "function_call",
                  call_id: call.id,
                  name: call.function.name,
                  arguments: call.function.arguments,
                },
          );
        }
        return;
      }
      case "tool": {
        if (!callIds.has(message.tool_call_id)) {
          throw invalidRequest(
            `${path}.tool_call_id: no earlier assistant tool call has id '${message.tool_call_id}'.`,
            `${path}.tool_call_id`,
          );
        }
        items.push({
          type: "function_call_output",
          call_id: message.tool_call_id,
          output: contentToInput(message.content, `${path}.content`, warnings),
        });
        return;
      }
      case "function":
        throw operationNotAllowed(
          `${path}.role`,
          `${path}: legacy 'function' messages are not supported by the Responses API; use tool messages.`,
        );
    }
  });
  return items;
}
