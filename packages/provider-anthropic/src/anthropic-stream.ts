import {
  type AnthropicStopDetails,
  AnthropicStreamEventSchema,
  type AnthropicUsage,
  type ContentBlockDelta,
} from "@switchyard/anthropic-api";
import {
  type ChatCompletionChunk,
  type ChatDelta,
  type Clock,
  GatewayError,
  REASONING_FORMATS,
  type SseEvent,
  systemClock,
  type Warning,
} from "@switchyard/core";
import { ANTHROPIC_PROVIDER, anthropicStreamError, truncatedStreamError } from "./anthropic-errors";
import { droppedBlockWarning, toolArguments } from "./anthropic-response";
import { anthropicUsageToChat, mergeAnthropicUsage } from "./anthropic-usage";
import { mapAnthropicStopReason } from "./map-anthropic-stop-reason";

/** Options of `createAnthropicStreamTranscoder`. */
export interface AnthropicStreamOptions {
  /** Anthropic tool name to Chat tool name, for rewritten names (`AnthropicRequestPlan.toolNames`). */
  toolNames?: Readonly<Record<string, string>>;
  /** The tool standing in for `response_format`: its input streams out as content. */
  structuredOutputTool?: string;
  clock?: Clock;
  /** The upstream key, redacted from any error message. */
  apiKey?: string;
}

/** Push state machine: Anthropic SSE events in, Chat chunks out. */
export interface AnthropicStreamTranscoder {
  /** Feeds one SSE event; returns the chunks it completes. Throws a `GatewayError` on an `error` event. */
  push(event: SseEvent): ChatCompletionChunk[];
  /** Ends the stream; throws a `GatewayError` when `message_stop` never came. */
  end(): ChatCompletionChunk[];
  /** Unknown events and dropped content seen so far. */
  readonly warnings: Warning[];
}

type Block =
  | { kind: "text" }
  | { kind: "thinking"; text: string; signature: string }
  | { kind: "tool"; toolIndex: number; input: unknown; sentArguments: boolean }
  | { kind: "structured"; input: unknown; sentArguments: boolean }
  | { kind: "ignored" };

function invalidEvent(detail: string): GatewayError {
  return new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_event",
    message: `Anthropic sent an event the gateway cannot read: ${detail}`,
    retryable: false,
    provider: ANTHROPIC_PROVIDER,
  });
}

/**
 * Creates the transcoder of one Messages stream. `message_start` opens the assistant message;
 * `text_delta`, `thinking_delta` and `input_json_delta` stream as content, `reasoning_content` and tool call
 * arguments; a thinking block's signed `reasoning_details` entry is emitted when the block stops;
 * `message_delta` and `message_stop` give the finish chunk and a usage chunk (`choices: []`). `ping` is
 * ignored, an unknown event is skipped with a warning, and an `error` event throws a `GatewayError`.
 */
export function createAnthropicStreamTranscoder(
  options: AnthropicStreamOptions = {},
): AnthropicStreamTranscoder {
  const clock = options.clock ?? systemClock;
  const warnings: Warning[] = [];
  const warned = new Set<string>();
  const warnOnce = (key: string, warning: Warning) => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(warning);
  };
  const blocks = new Map<number, Block>();
  let id = "";
  let model = "";
  let created = 0;
  let usage: AnthropicUsage | undefined;
  let stopReason: string | null | undefined;
  let stopDetails: AnthropicStopDetails | null | undefined;
  let toolCount = 0;
  let detailCount = 0;
  let finished = false;

  const chunk = (delta: ChatDelta, finishReason: string | null = null): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });

  const unknownEvent = (type: string) =>
    warnOnce(`event:${type}`, {
      type: "unknown_event",
      code: type,
      message: `Anthropic stream event '${type}' is unknown to the gateway and was skipped.`,
    });

  const startBlock = (
    index: number,
    block: { type: string } & Record<string, unknown>,
  ): ChatCompletionChunk[] => {
    switch (block.type) {
      case "text": {
        blocks.set(index, { kind: "text" });
        const text = typeof block.text === "string" ? block.text : "";
        return text === "" ? [] : [chunk({ content: text })];
      }
      case "thinking": {
        const text = typeof block.thinking === "string" ? block.thinking : "";
        const signature = typeof block.signature === "string" ? block.signature : "";
        blocks.set(index, { kind: "thinking", text, signature });
        return text === "" ? [] : [chunk({ reasoning_content: text })];
      }
      case "redacted_thinking": {
        blocks.set(index, { kind: "ignored" });
        const detail = {
          type: "reasoning.encrypted" as const,
          data: String(block.data ?? ""),
          format: REASONING_FORMATS.anthropic,
          index: detailCount++,
        };
        return [chunk({ reasoning_details: [detail] })];
      }
      case "tool_use": {
        const name = String(block.name ?? "");
        if (name === options.structuredOutputTool) {
          blocks.set(index, { kind: "structured", input: block.input, sentArguments: false });
          return [];
        }
        const toolIndex = toolCount++;
        blocks.set(index, { kind: "tool", toolIndex, input: block.input, sentArguments: false });
        const call = {
          index: toolIndex,
          id: String(block.id ?? ""),
          type: "function" as const,
          function: { name: options.toolNames?.[name] ?? name, arguments: "" },
        };
        return [chunk({ tool_calls: [call] })];
      }
      default:
        blocks.set(index, { kind: "ignored" });
        warnOnce(`block:${block.type}`, droppedBlockWarning(block.type));
        return [];
    }
  };

  const deltaBlock = (index: number, delta: ContentBlockDelta): ChatCompletionChunk[] => {
    const block = blocks.get(index);
    if (block === undefined)
      throw invalidEvent(`content_block_delta for block ${index}, which never started`);
    const value = delta as Record<string, unknown>;
    switch (delta.type) {
      case "text_delta": {
        const text = String(value.text ?? "");
        return block.kind === "text" && text !== "" ? [chunk({ content: text })] : [];
      }
      case "thinking_delta": {
        const text = String(value.thinking ?? "");
        if (block.kind !== "thinking" || text === "") return [];
        block.text += text;
        return [chunk({ reasoning_content: text })];
      }
      case "signature_delta":
        if (block.kind === "thinking") block.signature += String(value.signature ?? "");
        return [];
      case "input_json_delta": {
        const json = String(value.partial_json ?? "");
        if (json === "") return [];
        if (block.kind === "structured") {
          block.sentArguments = true;
          return [chunk({ content: json })];
        }
        if (block.kind !== "tool") return [];
        block.sentArguments = true;
        return [chunk({ tool_calls: [{ index: block.toolIndex, function: { arguments: json } }] })];
      }
      case "citations_delta":
        warnOnce("citations", droppedBlockWarning("citations"));
        return [];
      default:
        unknownEvent(`content_block_delta.${delta.type}`);
        return [];
    }
  };

  const stopBlock = (index: number): ChatCompletionChunk[] => {
    const block = blocks.get(index);
    if (block === undefined) return [];
    if (block.kind === "thinking") {
      const detail = {
        type: "reasoning.text" as const,
        text: block.text,
        signature: block.signature,
        format: REASONING_FORMATS.anthropic,
        index: detailCount++,
      };
      return [chunk({ reasoning_details: [detail] })];
    }
    // A tool call whose input arrived whole in content_block_start (or empty) still needs its arguments.
    if (block.kind === "tool" && !block.sentArguments)
      return [
        chunk({
          tool_calls: [{ index: block.toolIndex, function: { arguments: toolArguments(block.input) } }],
        }),
      ];
    if (block.kind === "structured" && !block.sentArguments)
      return [chunk({ content: toolArguments(block.input) })];
    return [];
  };

  const finish = (): ChatCompletionChunk[] => {
    finished = true;
    const stop = mapAnthropicStopReason(stopReason, toolCount > 0);
    if (stop.warning !== undefined) warnings.push(stop.warning);
    const delta: ChatDelta = {};
    if (stopReason === "refusal" && stopDetails?.explanation != null) delta.refusal = stopDetails.explanation;
    const out = [chunk(delta, stop.finishReason)];
    if (usage !== undefined)
      out.push({
        id,
        object: "chat.completion.chunk",
        created,
        model,
        choices: [],
        usage: anthropicUsageToChat(usage),
      });
    return out;
  };

  return {
    warnings,
    push(sse) {
      if (finished) return [];
      let data: unknown;
      try {
        data = JSON.parse(sse.data);
      } catch {
        throw invalidEvent(`data is not JSON (event '${sse.event ?? "message"}')`);
      }
      const type = (data as { type?: unknown } | null)?.type ?? sse.event;
      if (typeof type !== "string") throw invalidEvent("event without a type");
      const parsed = AnthropicStreamEventSchema.safeParse(data);
      if (!parsed.success) {
        if (!AnthropicStreamEventSchema.options.some((schema) => schema.shape.type.value === type)) {
          unknownEvent(type);
          return [];
        }
        throw invalidEvent(`malformed '${type}' event`);
      }
      const event = parsed.data;
      switch (event.type) {
        case "message_start":
          id = event.message.id;
          model = event.message.model;
          created = Math.floor(clock() / 1000);
          usage = mergeAnthropicUsage(usage, event.message.usage);
          return [chunk({ role: "assistant", content: "" })];
        case "content_block_start":
          return startBlock(event.index, event.content_block as { type: string } & Record<string, unknown>);
        case "content_block_delta":
          return deltaBlock(event.index, event.delta);
        case "content_block_stop":
          return stopBlock(event.index);
        case "message_delta":
          stopReason = event.delta.stop_reason ?? stopReason;
          stopDetails = event.delta.stop_details ?? stopDetails;
          usage = mergeAnthropicUsage(usage, event.usage);
          return [];
        case "message_stop":
          return finish();
        case "ping":
          return [];
        case "error":
          throw anthropicStreamError(event.error, options.apiKey);
      }
    },
    end() {
      if (!finished) throw truncatedStreamError();
      return [];
    },
  };
}
