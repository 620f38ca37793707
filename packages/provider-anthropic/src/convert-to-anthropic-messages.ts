import type {
  AnthropicMessageParam,
  AnthropicRequestBlock,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
  AnthropicToolUseBlock,
} from "@switchyard/anthropic-api";
import {
  type ChatAssistantMessage,
  type ChatMessage,
  type ChatToolMessage,
  invalidRequest,
  operationNotAllowed,
  requireFunctionToolCall,
  type Warning,
} from "@switchyard/core";
import { type ToolNameMap, toAnthropicToolUseId } from "./anthropic-tool-ids";
import { convertReasoningDetails } from "./convert-reasoning-details";
import {
  applyMessageCache,
  convertTextContent,
  convertUserParts,
  textBlock,
} from "./convert-to-anthropic-content";
import { toAnthropicCacheControl } from "./map-anthropic-cache-control";

/** The conversation in Anthropic's shape: the hoisted system prompt and alternating turns. */
export interface AnthropicConversation {
  system: AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
}

type Turn = { role: "user" | "assistant"; content: AnthropicRequestBlock[]; sourceIndex: number };

function toolResultBlock(
  message: ChatToolMessage,
  path: string,
  warnings: Warning[],
): AnthropicToolResultBlock {
  const block: AnthropicToolResultBlock = {
    type: "tool_result",
    tool_use_id: toAnthropicToolUseId(message.tool_call_id),
  };
  if (typeof message.content === "string") {
    if (message.content !== "") block.content = message.content;
  } else {
    const parts = convertUserParts(message.content, `${path}.content`, warnings).filter(
      (part) => part.type !== "document",
    );
    if (parts.length > 0) block.content = parts as AnthropicToolResultBlock["content"];
  }
  if (message.cache_control !== undefined)
    block.cache_control = toAnthropicCacheControl(message.cache_control);
  return block;
}

function parseArguments(text: string, path: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest(`${path}: expected a JSON string`, path);
  }
}

function assistantBlocks(
  message: ChatAssistantMessage,
  path: string,
  names: ToolNameMap,
  warnings: Warning[],
): AnthropicRequestBlock[] {
  if (message.function_call != null)
    throw operationNotAllowed(
      `${path}.function_call`,
      "Deprecated 'function_call' is not supported; use tools.",
    );
  const blocks: AnthropicRequestBlock[] = convertReasoningDetails(message, path, warnings);
  const content = message.content;
  if (typeof content === "string") {
    const block = textBlock(content);
    if (block !== undefined) blocks.push(block);
  } else if (Array.isArray(content)) {
    for (const part of content) {
      const block = part.type === "text" ? textBlock(part.text, part.cache_control) : textBlock(part.refusal);
      if (block !== undefined) blocks.push(block);
    }
  }
  if (message.refusal != null) {
    const block = textBlock(message.refusal);
    if (block !== undefined) blocks.push(block);
  }
  (message.tool_calls ?? []).forEach((toolCall, index) => {
    const call = requireFunctionToolCall(toolCall, `${path}.tool_calls[${index}]`, "Anthropic");
    const use: AnthropicToolUseBlock = {
      type: "tool_use",
      id: toAnthropicToolUseId(call.id),
      name: names.toAnthropic(call.function.name),
      input: parseArguments(call.function.arguments, `${path}.tool_calls[${index}].function.arguments`),
    };
    blocks.push(use);
  });
  return applyMessageCache(blocks, message.cache_control);
}

function pushTurn(turns: Turn[], role: Turn["role"], blocks: AnthropicRequestBlock[], sourceIndex: number) {
  const last = turns.at(-1);
  if (last !== undefined && last.role === role) last.content.push(...blocks);
  else turns.push({ role, content: [...blocks], sourceIndex });
}

/** Every tool_use must be answered in the next user turn, and every tool_result must answer one. */
function checkToolPairs(turns: readonly Turn[]): void {
  turns.forEach((turn, index) => {
    const previous = turns[index - 1];
    const asked = new Set(
      previous?.role === "assistant"
        ? previous.content.flatMap((block) => (block.type === "tool_use" ? [block.id] : []))
        : [],
    );
    if (turn.role === "user") {
      for (const block of turn.content)
        if (block.type === "tool_result" && !asked.has(block.tool_use_id))
          throw invalidRequest(
            `messages[${turn.sourceIndex}]: tool result for '${block.tool_use_id}' does not answer a tool call of the preceding assistant message`,
            `messages[${turn.sourceIndex}].tool_call_id`,
          );
      return;
    }
    const next = turns[index + 1];
    const answered = new Set(
      (next?.content ?? []).flatMap((block) => (block.type === "tool_result" ? [block.tool_use_id] : [])),
    );
    for (const block of turn.content)
      if (block.type === "tool_use" && !answered.has(block.id))
        throw invalidRequest(
          `messages[${turn.sourceIndex}].tool_calls: tool call '${block.id}' has no tool message answering it; Anthropic requires every tool call to be answered in the next turn`,
          `messages[${turn.sourceIndex}].tool_calls`,
        );
  });
}

/**
 * Converts Chat messages to Anthropic's system prompt and turns. System and developer messages are hoisted
 * in order; consecutive tool messages (and a user message right after them) become one user turn with the
 * tool_result blocks first; empty text is dropped and empty turns are skipped with a warning.
 */
export function convertToAnthropicMessages(
  messages: readonly ChatMessage[],
  names: ToolNameMap,
  warnings: Warning[],
): AnthropicConversation {
  const system: AnthropicTextBlock[] = [];
  const turns: Turn[] = [];
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case "system":
      case "developer":
        if (message.name !== undefined)
          warnings.push({
            type: "unsupported_parameter",
            code: "name",
            message: `Parameter '${path}.name' is not supported by Anthropic; it was ignored.`,
          });
        system.push(...applyMessageCache(convertTextContent(message.content), message.cache_control));
        return;
      case "user": {
        if (message.name !== undefined)
          warnings.push({
            type: "unsupported_parameter",
            code: "name",
            message: `Parameter '${path}.name' is not supported by Anthropic; it was ignored.`,
          });
        const blocks =
          typeof message.content === "string"
            ? convertTextContent(message.content)
            : convertUserParts(message.content, `${path}.content`, warnings);
        if (blocks.length === 0) {
          warnings.push({
            type: "dropped_content",
            code: "empty_message",
            message: `${path} has no content and was dropped (Anthropic rejects empty messages).`,
          });
          return;
        }
        pushTurn(turns, "user", applyMessageCache(blocks, message.cache_control), index);
        return;
      }
      case "tool":
        pushTurn(turns, "user", [toolResultBlock(message, path, warnings)], index);
        return;
      case "assistant": {
        const blocks = assistantBlocks(message, path, names, warnings);
        if (blocks.length === 0) {
          warnings.push({
            type: "dropped_content",
            code: "empty_message",
            message: `${path} has no content and was dropped (Anthropic rejects empty messages).`,
          });
          return;
        }
        pushTurn(turns, "assistant", blocks, index);
        return;
      }
      case "function":
        throw operationNotAllowed(
          path,
          "Deprecated 'function' messages are not supported; use tool messages.",
        );
    }
  });
  // Tool results go first in a user turn, before any text (Anthropic's tool-use rules).
  for (const turn of turns)
    if (turn.role === "user")
      turn.content = [
        ...turn.content.filter((block) => block.type === "tool_result"),
        ...turn.content.filter((block) => block.type !== "tool_result"),
      ];
  checkToolPairs(turns);
  return { system, messages: turns.map(({ role, content }) => ({ role, content })) };
}
