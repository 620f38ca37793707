import {
  functionCallToOutputItem,
  type OutputToolCallType,
  type ToolSurface,
} from "@switchyard/chat-responses";
import type {
  CustomToolCallItem,
  FunctionCallItem,
  ResponseOutputItem,
  ResponseStreamEvent,
  Warning,
} from "@switchyard/core";
import type { ItemStatus, Sequencer } from "./output-item-events";

/**
 * A tool call: pending (buffered), open (streaming) or done. `name` and `arguments` are the Chat function's
 * (or, with `rawInput`, a Chat custom call's name and input); `itemType` is the Responses item it becomes.
 */
export interface ToolCallItem {
  kind: "function_call";
  /** The upstream `tool_calls[].index`. */
  index: number;
  id: string;
  callId: string | undefined;
  name: string;
  arguments: string;
  outputIndex: number;
  phase: "pending" | "open" | "done";
  itemType: OutputToolCallType;
  /** The upstream sent a Chat custom tool call: `arguments` is the free-form input itself. */
  rawInput: boolean;
  placeholder?: ResponseOutputItem;
}

/** What a tool call's item needs besides the call: the request's tool surface and the warnings sink. */
export interface ToolCallContext {
  surface: ToolSurface;
  warnings: Warning[];
}

/** Whether a call's item streams while its arguments arrive; shell calls are emitted whole once complete. */
export const streamsWhileOpen = (call: ToolCallItem): boolean =>
  call.itemType === "function_call" || call.itemType === "custom_tool_call";

/** The finished Responses item of a call, as the non-streaming translation builds it. */
function finishedItem(call: ToolCallItem, status: ItemStatus, context: ToolCallContext): ResponseOutputItem {
  if (call.rawInput)
    return {
      id: call.id,
      type: "custom_tool_call",
      status,
      call_id: call.callId ?? "",
      name: call.name,
      input: call.arguments,
    };
  const finished = {
    id: call.id,
    callId: call.callId ?? "",
    chatName: call.name,
    arguments: call.arguments,
    status,
  };
  return functionCallToOutputItem(finished, context.surface, context.warnings);
}

/**
 * Opens a tool call. A function call: `output_item.added` carrying name (and namespace) and call_id, then the
 * buffered arguments. A custom tool call: `output_item.added` with empty input, then, for a Chat custom call,
 * the buffered input. A shell call emits nothing until it closes.
 */
export function openToolCall(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  call: ToolCallItem,
  context: ToolCallContext,
): void {
  call.phase = "open";
  const origin = call.rawInput ? undefined : context.surface.originOf(call.name);
  const named = origin?.kind === "function" || origin?.kind === "custom" ? origin : undefined;
  const namespace = named?.namespace === undefined ? {} : { namespace: named.namespace };
  const at = { id: call.id, status: "in_progress" as const, call_id: call.callId ?? "" };
  if (!streamsWhileOpen(call)) {
    call.placeholder = { type: call.itemType, ...at } as ResponseOutputItem;
    return;
  }
  if (call.itemType === "custom_tool_call") {
    const item: CustomToolCallItem = {
      type: "custom_tool_call",
      ...at,
      name: named?.name ?? call.name,
      input: "",
      ...namespace,
    };
    call.placeholder = item;
    events.push({
      type: "response.output_item.added",
      sequence_number: sequencer.next(),
      output_index: call.outputIndex,
      item,
    });
    if (call.rawInput && call.arguments !== "") pushInputDelta(sequencer, events, call, call.arguments);
    return;
  }
  const item: FunctionCallItem = {
    id: call.id,
    type: "function_call",
    status: "in_progress",
    arguments: "",
    call_id: call.callId ?? "",
    name: named?.name ?? call.name,
    ...namespace,
  };
  call.placeholder = item;
  events.push({
    type: "response.output_item.added",
    sequence_number: sequencer.next(),
    output_index: call.outputIndex,
    item,
  });
  if (call.arguments !== "") {
    events.push({
      type: "response.function_call_arguments.delta",
      sequence_number: sequencer.next(),
      item_id: call.id,
      output_index: call.outputIndex,
      delta: call.arguments,
    });
  }
}

/** One `custom_tool_call_input.delta`. */
export function pushInputDelta(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  call: ToolCallItem,
  delta: string,
): void {
  events.push({
    type: "response.custom_tool_call_input.delta",
    sequence_number: sequencer.next(),
    item_id: call.id,
    output_index: call.outputIndex,
    delta,
  });
}

/**
 * Closes a tool call. A function call: `function_call_arguments.done` with name and full arguments, then
 * `output_item.done`. A custom tool call: the input (for a function-served call it is known only now, once
 * its JSON arguments are whole) as one delta, `custom_tool_call_input.done`, then `output_item.done`. A shell
 * call: `output_item.added` and `output_item.done` of the whole item.
 */
export function closeToolCall(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  call: ToolCallItem,
  status: ItemStatus,
  context: ToolCallContext,
): ResponseOutputItem {
  call.phase = "done";
  const item = finishedItem(call, status, context);
  const at = { item_id: call.id, output_index: call.outputIndex };
  if (!streamsWhileOpen(call)) {
    events.push({
      type: "response.output_item.added",
      sequence_number: sequencer.next(),
      output_index: call.outputIndex,
      item: { ...item, status: "in_progress" },
    });
  }
  if (item.type === "custom_tool_call") {
    if (!call.rawInput && item.input !== "") pushInputDelta(sequencer, events, call, item.input);
    events.push({
      type: "response.custom_tool_call_input.done",
      sequence_number: sequencer.next(),
      ...at,
      input: item.input,
    });
  } else if (item.type === "function_call") {
    events.push({
      type: "response.function_call_arguments.done",
      sequence_number: sequencer.next(),
      ...at,
      name: item.name,
      arguments: call.arguments,
    });
  }
  events.push({
    type: "response.output_item.done",
    sequence_number: sequencer.next(),
    output_index: call.outputIndex,
    item,
  });
  return item;
}
