import {
  type ChatCompletionChunk,
  type ChatToolCallDelta,
  GatewayError,
  type IdGenerator,
  type ReasoningDetail,
  type Warning,
  wrapReasoningDetails,
} from "@switchyard/core";
import { parseToolInput } from "./chat-response-to-messages";
import { finishReasonToStopReason } from "./map-stop-reason";
import { toMessagesError } from "./messages-errors";
import type { MessagesStopReason, MessagesStreamEvent, MessagesUsage } from "./messages-output";
import { chatUsageToMessages } from "./messages-usage";
import { isAnthropicDetail } from "./reasoning-envelope";

/** Options of `createChatToMessagesTranscoder`. */
export interface ChatToMessagesOptions {
  ids: IdGenerator;
  /** The model name the client asked for, echoed in `message_start`. */
  model?: string;
}

/** Push state machine: Chat chunks in, Messages stream events out. */
export interface ChatToMessagesTranscoder {
  push(chunk: ChatCompletionChunk): MessagesStreamEvent[];
  /** Ends the stream: closes open blocks, then `message_delta` and `message_stop`. */
  end(): MessagesStreamEvent[];
  /** Ends the stream with an `error` event after an upstream failure. */
  fail(error: unknown): MessagesStreamEvent[];
  /** A keep-alive event for idle periods. */
  ping(): MessagesStreamEvent[];
  /** Warnings gathered while transcoding. */
  readonly warnings: Warning[];
}

interface ToolCallState {
  id: string;
  name: string;
  arguments: string;
  /** The block index while the call streams live; undefined while it is buffered. */
  blockIndex?: number;
  closed: boolean;
}

type OpenBlock =
  | { kind: "text" | "thinking"; index: number }
  | { kind: "tool"; index: number; call: ToolCallState };

/**
 * Creates the Chat-to-Messages stream transcoder. Block indexes are contiguous and blocks never interleave:
 * the first tool call streams live, and calls that start while it is open are buffered and emitted whole
 * when it closes or the stream finishes.
 */
export function createChatToMessagesTranscoder(options: ChatToMessagesOptions): ChatToMessagesTranscoder {
  const warnings: Warning[] = [];
  const toolCalls = new Map<number, ToolCallState>();
  let started = false;
  let finished = false;
  let nextIndex = 0;
  let open: OpenBlock | undefined;
  let signature = "";
  let foreignDetails: ReasoningDetail[] = [];
  let stopReason: MessagesStopReason | null = null;
  let sawRefusal = false;
  let usage: MessagesUsage = chatUsageToMessages(undefined);

  const start = (chunk: ChatCompletionChunk | undefined, events: MessagesStreamEvent[]) => {
    if (started) return;
    started = true;
    events.push({
      type: "message_start",
      message: {
        id: options.ids("msg"),
        type: "message",
        role: "assistant",
        model: options.model ?? chunk?.model ?? "unknown",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage,
      },
    });
  };

  const closeOpen = (events: MessagesStreamEvent[]) => {
    if (!open) return;
    if (open.kind === "thinking") {
      const envelope = foreignDetails.length > 0 ? wrapReasoningDetails(foreignDetails) : "";
      const blockSignature = signature || envelope;
      if (blockSignature !== "")
        events.push({
          type: "content_block_delta",
          index: open.index,
          delta: { type: "signature_delta", signature: blockSignature },
        });
      if (!signature) foreignDetails = [];
      signature = "";
    }
    if (open.kind === "tool") open.call.closed = true;
    events.push({ type: "content_block_stop", index: open.index });
    open = undefined;
  };

  const openBlock = (kind: "text" | "thinking", events: MessagesStreamEvent[]): number => {
    if (open?.kind === kind) return open.index;
    closeOpen(events);
    const index = nextIndex++;
    open = { kind, index };
    events.push({
      type: "content_block_start",
      index,
      content_block:
        kind === "text"
          ? { type: "text", text: "", citations: null }
          : { type: "thinking", thinking: "", signature: "" },
    });
    return index;
  };

  const emitWholeTool = (call: ToolCallState, events: MessagesStreamEvent[]) => {
    const index = nextIndex++;
    events.push({
      type: "content_block_start",
      index,
      content_block: { type: "tool_use", id: call.id, name: call.name, input: {} },
    });
    const input = JSON.stringify(parseToolInput(call.arguments, call.id, warnings));
    events.push({
      type: "content_block_delta",
      index,
      delta: { type: "input_json_delta", partial_json: input },
    });
    events.push({ type: "content_block_stop", index });
    call.closed = true;
  };

  const flushBufferedTools = (events: MessagesStreamEvent[]) => {
    const pending = [...toolCalls.entries()].filter(
      ([, call]) => !call.closed && call.blockIndex === undefined,
    );
    for (const [, call] of pending.sort(([a], [b]) => a - b)) emitWholeTool(call, events);
  };

  const onReasoningDetails = (details: ReasoningDetail[], events: MessagesStreamEvent[]) => {
    for (const detail of details) {
      if (isAnthropicDetail(detail) && detail.type === "reasoning.encrypted") {
        closeOpen(events);
        const index = nextIndex++;
        events.push({
          type: "content_block_start",
          index,
          content_block: { type: "redacted_thinking", data: detail.data },
        });
        events.push({ type: "content_block_stop", index });
      } else if (isAnthropicDetail(detail) && detail.type === "reasoning.text" && detail.signature) {
        signature = detail.signature;
      } else if (!isAnthropicDetail(detail)) {
        foreignDetails.push(detail);
      }
    }
  };

  const onToolCall = (delta: ChatToolCallDelta, events: MessagesStreamEvent[]) => {
    let call = toolCalls.get(delta.index);
    if (!call) {
      call = {
        id: delta.id ?? options.ids("toolu"),
        name: delta.function?.name ?? "",
        arguments: "",
        closed: false,
      };
      toolCalls.set(delta.index, call);
      if (open?.kind !== "tool") {
        closeOpen(events);
        const index = nextIndex++;
        call.blockIndex = index;
        open = { kind: "tool", index, call };
        events.push({
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: call.id, name: call.name, input: {} },
        });
      }
    } else if (delta.function?.name && call.name === "") {
      call.name = delta.function.name;
    }
    const fragment = delta.function?.arguments ?? "";
    if (fragment === "") return;
    if (call.closed) {
      warnings.push({
        type: "dropped_content",
        code: "tool_calls.function.arguments",
        message: `Arguments for tool call ${call.id} arrived after its block closed and were not delivered.`,
      });
      return;
    }
    call.arguments += fragment;
    if (open?.kind === "tool" && open.call === call) {
      events.push({
        type: "content_block_delta",
        index: open.index,
        delta: { type: "input_json_delta", partial_json: fragment },
      });
    }
  };

  const finish = (events: MessagesStreamEvent[]) => {
    if (finished) return events;
    if (stopReason === null) {
      // The upstream closed without a finish reason: say so rather than present a cut answer as complete.
      return fail(
        new GatewayError({
          status: 502,
          message: "The upstream closed the stream before the answer finished.",
        }),
      );
    }
    finished = true;
    start(undefined, events);
    closeOpen(events);
    flushBufferedTools(events);
    if (foreignDetails.length > 0) {
      // Opaque state that came without reasoning text (Gemini thought signatures on tool calls) still needs a
      // thinking block to ride in.
      const index = nextIndex++;
      events.push({
        type: "content_block_start",
        index,
        content_block: { type: "thinking", thinking: "", signature: "" },
      });
      events.push({
        type: "content_block_delta",
        index,
        delta: { type: "signature_delta", signature: wrapReasoningDetails(foreignDetails) },
      });
      events.push({ type: "content_block_stop", index });
      foreignDetails = [];
    }
    events.push({
      type: "message_delta",
      delta: { stop_reason: stopReason ?? "end_turn", stop_sequence: null },
      usage,
    });
    events.push({ type: "message_stop" });
    return events;
  };

  function fail(error: unknown): MessagesStreamEvent[] {
    if (finished) return [];
    finished = true;
    const events: MessagesStreamEvent[] = [];
    start(undefined, events);
    events.push({ type: "error", error: toMessagesError(error).body.error });
    return events;
  }

  return {
    warnings,
    fail,
    push(chunk) {
      const events: MessagesStreamEvent[] = [];
      if (finished) return events;
      start(chunk, events);
      if (chunk.usage) usage = chatUsageToMessages(chunk.usage);
      for (const choice of chunk.choices) {
        if (choice.index !== 0) continue;
        const delta = choice.delta;
        if (delta.reasoning_details) onReasoningDetails(delta.reasoning_details, events);
        const reasoning = delta.reasoning_content ?? delta.reasoning;
        if (reasoning) {
          const index = openBlock("thinking", events);
          events.push({
            type: "content_block_delta",
            index,
            delta: { type: "thinking_delta", thinking: reasoning },
          });
        }
        const text = delta.content || delta.refusal;
        if (delta.refusal) sawRefusal = true;
        if (text) {
          const index = openBlock("text", events);
          events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text } });
        }
        for (const toolCall of delta.tool_calls ?? []) onToolCall(toolCall, events);
        if (choice.finish_reason) {
          stopReason =
            sawRefusal && choice.finish_reason === "stop"
              ? "refusal"
              : finishReasonToStopReason(choice.finish_reason);
        }
      }
      return events;
    },
    end() {
      return finish([]);
    },
    ping() {
      return finished ? [] : [{ type: "ping" }];
    },
  };
}

/** Encodes one Messages stream event as an SSE frame: `event: <type>\ndata: <json>\n\n`. */
export function encodeMessagesEvent(event: MessagesStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
