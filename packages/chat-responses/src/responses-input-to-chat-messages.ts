import {
  type ChatAssistantMessage,
  type ChatContentPart,
  type ChatMessage,
  type ChatTextPart,
  type InputContent,
  invalidRequest,
  type OutputContent,
  type OutputMessageItem,
  operationNotAllowed,
  type ReasoningDetail,
  type ResponseInputItem,
  type Warning,
} from "@switchyard/core";
import { inputPartToChat } from "./map-content-parts";
import { reasoningItemToDetails, reasoningTextOf } from "./reasoning-items";
import { answeredCallId, callItemToChatToolCall, outputItemContent } from "./tools/tool-call-history";
import { createToolSurface, type ToolSurface } from "./tools/tool-surface";

/** Hosted tool calls that only record what OpenAI's servers did; the assistant text after them stands alone. */
const HOSTED_RECORD_ITEMS = new Set(["web_search_call"]);

/** Chat assistant message with the `phase` extension Switchyard carries for Responses round trips. */
export type ChatAssistantMessageWithPhase = ChatAssistantMessage & { phase?: "commentary" | "final_answer" };

const partsToChat = (parts: readonly InputContent[], path: string): ChatContentPart[] =>
  parts.map((part, index) => inputPartToChat(part, `${path}[${index}]`));

/** System and developer messages take text only. */
function textOnly(parts: readonly InputContent[], path: string): ChatTextPart[] {
  return parts.map((part, index) => {
    if (part.type === "input_text") return { type: "text", text: part.text };
    throw invalidRequest(
      `${path}[${index}]: a system or developer message may hold only input_text, not ${part.type}.`,
      `${path}[${index}].type`,
    );
  });
}

/** An assistant history message's parts -> Chat `content` (a string when there is one text) and `refusal`. */
function assistantContent(
  content: string | readonly OutputContent[],
  path: string,
  warnings: Warning[],
): Pick<ChatAssistantMessage, "content" | "refusal"> {
  if (typeof content === "string") return { content };
  const texts: string[] = [];
  const refusals: string[] = [];
  content.forEach((part, index) => {
    if (part.type === "refusal") {
      refusals.push(part.refusal);
      return;
    }
    texts.push(part.text);
    if ((part.annotations ?? []).length > 0) {
      warnings.push({
        type: "dropped_content",
        code: `${path}[${index}].annotations`,
        message: `Chat assistant history carries no annotations; '${path}[${index}].annotations' was dropped.`,
      });
    }
  });
  const text: Pick<ChatAssistantMessage, "content"> =
    texts.length === 0
      ? { content: null }
      : texts.length === 1
        ? { content: texts[0] }
        : { content: texts.map((text) => ({ type: "text" as const, text })) };
  return { ...text, ...(refusals.length === 0 ? {} : { refusal: refusals.join("") }) };
}

function withReasoning(message: ChatAssistantMessageWithPhase, details: ReasoningDetail[]): void {
  if (details.length === 0) return;
  message.reasoning_details = [...(message.reasoning_details ?? []), ...details];
  const text = reasoningTextOf(message.reasoning_details);
  if (text !== undefined) message.reasoning_content = text;
}

/**
 * Responses `input` items -> Chat `messages`. Consecutive `function_call` items (and a preceding assistant
 * message) merge into one assistant message with `tool_calls[]`; a `reasoning` item attaches to the next
 * assistant message as `reasoning_details` (and `reasoning_content` when it has text); `phase` is kept as an
 * extension field. Custom, `local_shell` and `shell` calls become function calls named by the request's
 * tool surface (see `responsesToolsToChat`), namespaced function calls too, and their outputs tool messages;
 * an output must answer an earlier call. A `web_search_call` is dropped with a warning. `item_reference` and
 * the other hosted tool items cannot be served from Chat: a 400 naming the item.
 */
export function responsesInputToChatMessages(
  input: readonly ResponseInputItem[],
  warnings: Warning[],
  surface: ToolSurface = createToolSurface(undefined),
): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const callIds = new Set<string>();
  let pendingReasoning: { details: ReasoningDetail[]; path: string } | undefined;
  /** The assistant message that function calls may still join (null once anything else follows). */
  let openAssistant: ChatAssistantMessageWithPhase | undefined;

  const dropPendingReasoning = () => {
    if (pendingReasoning === undefined) return;
    warnings.push({
      type: "dropped_content",
      code: pendingReasoning.path,
      message: `'${pendingReasoning.path}' is a reasoning item not followed by an assistant message or function call; Chat can attach reasoning only to an assistant message, so it was dropped.`,
    });
    pendingReasoning = undefined;
  };
  const startAssistant = (message: ChatAssistantMessageWithPhase) => {
    withReasoning(message, pendingReasoning?.details ?? []);
    pendingReasoning = undefined;
    messages.push(message);
    openAssistant = message;
  };

  input.forEach((item, index) => {
    const path = `input[${index}]`;
    if (item.type === undefined || item.type === "message") {
      const message = item as { role: string; content: unknown };
      if (message.role === "assistant") {
        const output = item as OutputMessageItem;
        const assistant: ChatAssistantMessageWithPhase = {
          role: "assistant",
          ...assistantContent(output.content, `${path}.content`, warnings),
        };
        if (output.phase != null) assistant.phase = output.phase;
        startAssistant(assistant);
        return;
      }
      dropPendingReasoning();
      openAssistant = undefined;
      const role = message.role as "user" | "system" | "developer";
      const content = message.content as string | InputContent[];
      if (role === "user") {
        messages.push({
          role,
          content: typeof content === "string" ? content : partsToChat(content, `${path}.content`),
        });
      } else {
        messages.push({
          role,
          content: typeof content === "string" ? content : textOnly(content, `${path}.content`),
        });
      }
      return;
    }
    switch (item.type) {
      case "reasoning": {
        const details = reasoningItemToDetails(item);
        if (details.length === 0) {
          warnings.push({
            type: "dropped_content",
            code: path,
            message: `'${path}' is a reasoning item with no summary, text or encrypted_content; Chat has nothing to carry it in, so it was dropped.`,
          });
          return;
        }
        if (openAssistant !== undefined && (openAssistant.tool_calls ?? []).length > 0) {
          // Between two calls of one turn: keep it on the turn's message, in order.
          withReasoning(openAssistant, details);
          return;
        }
        if (pendingReasoning === undefined) pendingReasoning = { details, path };
        else pendingReasoning.details.push(...details);
        openAssistant = undefined;
        return;
      }
      case "function_call":
      case "custom_tool_call":
      case "local_shell_call":
      case "shell_call": {
        callIds.add(item.call_id);
        const call = callItemToChatToolCall(item, surface);
        if (openAssistant !== undefined && pendingReasoning === undefined) {
          openAssistant.tool_calls = [...(openAssistant.tool_calls ?? []), call];
          return;
        }
        startAssistant({ role: "assistant", content: null, tool_calls: [call] });
        return;
      }
      case "function_call_output":
      case "custom_tool_call_output":
      case "local_shell_call_output":
      case "shell_call_output": {
        const callId = item.type === "function_call_output" ? item.call_id : answeredCallId(item);
        const field = item.type === "local_shell_call_output" ? "id" : "call_id";
        if (!callIds.has(callId)) {
          throw invalidRequest(
            `${path}.${field}: no earlier tool call in input has call_id '${callId}'.`,
            `${path}.${field}`,
          );
        }
        dropPendingReasoning();
        openAssistant = undefined;
        const output = item.type === "function_call_output" ? item.output : outputItemContent(item);
        messages.push({
          role: "tool",
          tool_call_id: callId,
          content: typeof output === "string" ? output : partsToChat(output, `${path}.output`),
        });
        return;
      }
      case "item_reference":
        throw operationNotAllowed(
          path,
          `${path}: item_reference needs stored responses, and this gateway does not store them; send the referenced item itself.`,
        );
      default:
        if (HOSTED_RECORD_ITEMS.has(item.type)) {
          warnings.push({
            type: "dropped_content",
            code: path,
            message: `'${path}' records a hosted ${item.type.replace(/_call$/, "")} that a Chat upstream cannot replay; it was dropped and the assistant text after it kept.`,
          });
          return;
        }
        throw operationNotAllowed(
          `${path}.type`,
          `${path}: the '${item.type}' item belongs to a built-in tool and cannot be served by a Chat Completions upstream.`,
        );
    }
  });
  dropPendingReasoning();
  return messages;
}
