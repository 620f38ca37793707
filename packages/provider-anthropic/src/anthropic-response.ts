import type { AnthropicMessage, AnthropicResponseBlock } from "@switchyard/anthropic-api";
import {
  type ChatAnnotation,
  type ChatCompletionResponse,
  type ChatResponseMessage,
  type ChatToolCall,
  type Clock,
  REASONING_FORMATS,
  type ReasoningDetail,
  systemClock,
  type Translation,
  type Warning,
} from "@switchyard/core";
import { anthropicUsageToChat } from "./anthropic-usage";
import { mapAnthropicStopReason } from "./map-anthropic-stop-reason";

/** Options of `anthropicResponseToChat`, mostly carried over from the request's translation. */
export interface AnthropicResponseOptions {
  /** Anthropic tool name to Chat tool name, for rewritten names (`AnthropicRequestPlan.toolNames`). */
  toolNames?: Readonly<Record<string, string>>;
  /** The tool standing in for `response_format`: its input becomes the message content. */
  structuredOutputTool?: string;
  clock?: Clock;
}

/** A `dropped_content` warning for an upstream block with no Chat equivalent. */
export function droppedBlockWarning(type: string): Warning {
  return {
    type: "dropped_content",
    code: type,
    message: `Anthropic content of type '${type}' has no Chat Completions equivalent and was left out.`,
  };
}

/** The url_citation annotation of a web search citation over `[start, end)` of the content. */
export function citationAnnotation(
  citation: Record<string, unknown>,
  start: number,
  end: number,
): ChatAnnotation | undefined {
  if (citation.type !== "web_search_result_location" || typeof citation.url !== "string") return undefined;
  const title = typeof citation.title === "string" ? citation.title : "";
  return {
    type: "url_citation",
    url_citation: { url: citation.url, title, start_index: start, end_index: end },
  };
}

/** The JSON text of a tool input: the arguments string of a Chat tool call. */
export const toolArguments = (input: unknown): string => JSON.stringify(input ?? {});

/**
 * Translates a Messages response into a Chat completion. Text blocks become `content`; `tool_use` becomes
 * `tool_calls` with JSON-string arguments (names mapped back); thinking becomes `reasoning_content` plus a
 * signed `reasoning.text` detail, redacted thinking a `reasoning.encrypted` detail (format
 * `anthropic-claude-v1`); web search citations become url_citation annotations. Server tool blocks have no
 * Chat equivalent and are reported as warnings.
 */
export function anthropicResponseToChat(
  message: AnthropicMessage,
  options: AnthropicResponseOptions = {},
): Translation<ChatCompletionResponse> {
  const warnings: Warning[] = [];
  const warnedTypes = new Set<string>();
  const warnOnce = (type: string) => {
    if (warnedTypes.has(type)) return;
    warnedTypes.add(type);
    warnings.push(droppedBlockWarning(type));
  };
  let content = "";
  let reasoning = "";
  const details: ReasoningDetail[] = [];
  const toolCalls: ChatToolCall[] = [];
  const annotations: ChatAnnotation[] = [];
  const format = REASONING_FORMATS.anthropic;
  for (const block of message.content as AnthropicResponseBlock[]) {
    switch (block.type) {
      case "text": {
        const text = (block as { text: string }).text;
        const start = content.length;
        content += text;
        const citations = (block as { citations?: Array<Record<string, unknown>> | null }).citations ?? [];
        for (const citation of citations) {
          const annotation = citationAnnotation(citation, start, content.length);
          if (annotation === undefined) warnOnce(`citation:${String(citation.type)}`);
          else annotations.push(annotation);
        }
        break;
      }
      case "thinking": {
        const { thinking, signature } = block as { thinking: string; signature: string };
        reasoning += thinking;
        details.push({ type: "reasoning.text", text: thinking, signature, format, index: details.length });
        break;
      }
      case "redacted_thinking":
        details.push({
          type: "reasoning.encrypted",
          data: (block as { data: string }).data,
          format,
          index: details.length,
        });
        break;
      case "tool_use": {
        const use = block as { id: string; name: string; input: unknown };
        if (use.name === options.structuredOutputTool) content += toolArguments(use.input);
        else
          toolCalls.push({
            id: use.id,
            type: "function",
            function: {
              name: options.toolNames?.[use.name] ?? use.name,
              arguments: toolArguments(use.input),
            },
          });
        break;
      }
      default:
        warnOnce(block.type);
    }
  }
  const stop = mapAnthropicStopReason(message.stop_reason, toolCalls.length > 0);
  if (stop.warning !== undefined) warnings.push(stop.warning);
  const responseMessage: ChatResponseMessage = {
    role: "assistant",
    content: content === "" ? null : content,
  };
  if (message.stop_reason === "refusal") responseMessage.refusal = message.stop_details?.explanation ?? null;
  if (toolCalls.length > 0) responseMessage.tool_calls = toolCalls;
  if (annotations.length > 0) responseMessage.annotations = annotations;
  if (reasoning !== "") responseMessage.reasoning_content = reasoning;
  if (details.length > 0) responseMessage.reasoning_details = details;
  const clock = options.clock ?? systemClock;
  return {
    value: {
      id: message.id,
      object: "chat.completion",
      created: Math.floor(clock() / 1000),
      model: message.model,
      choices: [{ index: 0, message: responseMessage, logprobs: null, finish_reason: stop.finishReason }],
      usage: anthropicUsageToChat(message.usage),
    },
    warnings,
  };
}
