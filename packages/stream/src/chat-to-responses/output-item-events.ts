import type {
  OutputContent,
  ReasoningItem,
  ResponseLogprob,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseStreamEvent,
} from "@switchyard/core";
import { emptyReasoningState, encryptedContentOf, type ReasoningStateParts } from "./reasoning-accumulator";
import type { ToolCallItem } from "./tool-call-events";

/** Hands out `sequence_number`s: from 0, one by one. */
export interface Sequencer {
  next(): number;
}

/** The status of a closed item. */
export type ItemStatus = "completed" | "incomplete";

/** The content part of a message that is streaming. */
export interface ContentPartState {
  type: "output_text" | "refusal";
  index: number;
  text: string;
  logprobs: ResponseLogprob[];
}

/** A message item being streamed: closed parts, and the part that is open. */
export class MessageItem {
  readonly kind = "message";
  readonly parts: OutputContent[] = [];
  current: ContentPartState | null = null;

  constructor(
    readonly id: string,
    readonly outputIndex: number,
    readonly placeholder: ResponseOutputItem,
  ) {}

  /** The open `output_text` part, opening one (after closing a refusal part) when needed. */
  textPart(sequencer: Sequencer, events: ResponseStreamEvent[]): ContentPartState {
    if (this.current?.type === "output_text") return this.current;
    return this.openPart("output_text", sequencer, events);
  }

  /** The open `refusal` part, opening one (after closing a text part) when needed. */
  refusalPart(sequencer: Sequencer, events: ResponseStreamEvent[]): ContentPartState {
    if (this.current?.type === "refusal") return this.current;
    return this.openPart("refusal", sequencer, events);
  }

  /** Emits the `.done` events of the open part and keeps it among the closed parts. */
  closePart(sequencer: Sequencer, events: ResponseStreamEvent[]): void {
    const part = this.current;
    if (part === null) return;
    this.current = null;
    const at = { item_id: this.id, output_index: this.outputIndex, content_index: part.index };
    let done: OutputContent;
    if (part.type === "output_text") {
      events.push({
        type: "response.output_text.done",
        sequence_number: sequencer.next(),
        ...at,
        text: part.text,
        logprobs: part.logprobs,
      });
      done = { type: "output_text", annotations: [], logprobs: part.logprobs, text: part.text };
    } else {
      events.push({
        type: "response.refusal.done",
        sequence_number: sequencer.next(),
        ...at,
        refusal: part.text,
      });
      done = { type: "refusal", refusal: part.text };
    }
    events.push({ type: "response.content_part.done", sequence_number: sequencer.next(), ...at, part: done });
    this.parts.push(done);
  }

  private openPart(
    type: ContentPartState["type"],
    sequencer: Sequencer,
    events: ResponseStreamEvent[],
  ): ContentPartState {
    this.closePart(sequencer, events);
    const part: ContentPartState = { type, index: this.parts.length, text: "", logprobs: [] };
    this.current = part;
    events.push({
      type: "response.content_part.added",
      sequence_number: sequencer.next(),
      item_id: this.id,
      output_index: this.outputIndex,
      content_index: part.index,
      part:
        type === "output_text"
          ? { type: "output_text", annotations: [], logprobs: [], text: "" }
          : { type: "refusal", refusal: "" },
    });
    return part;
  }
}

/** A reasoning item being streamed: one summary part, plus opaque state gathered on the way. */
export interface ReasoningItemState {
  kind: "reasoning";
  id: string;
  outputIndex: number;
  placeholder: ResponseOutputItem;
  text: string;
  summaryOpen: boolean;
  state: ReasoningStateParts;
}

/** The item that is streaming. */
export type ActiveItem = MessageItem | ReasoningItemState | ToolCallItem;

/** Opens a message item: `output_item.added` with status in_progress and empty content. */
export function openMessage(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  id: string,
  outputIndex: number,
): MessageItem {
  const item: ResponseOutputMessage = {
    id,
    type: "message",
    status: "in_progress",
    content: [],
    role: "assistant",
  };
  events.push({
    type: "response.output_item.added",
    sequence_number: sequencer.next(),
    output_index: outputIndex,
    item,
  });
  return new MessageItem(id, outputIndex, item);
}

/** Closes a message item: its open part's `.done` events, then `output_item.done`. */
export function closeMessage(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  message: MessageItem,
  status: ItemStatus,
): ResponseOutputMessage {
  message.closePart(sequencer, events);
  const item: ResponseOutputMessage = {
    id: message.id,
    type: "message",
    status,
    content: message.parts,
    role: "assistant",
  };
  events.push({
    type: "response.output_item.done",
    sequence_number: sequencer.next(),
    output_index: message.outputIndex,
    item,
  });
  return item;
}

/** Opens a reasoning item: `output_item.added` with an empty summary. */
export function openReasoning(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  id: string,
  outputIndex: number,
): ReasoningItemState {
  const item: ReasoningItem = { id, type: "reasoning", summary: [] };
  events.push({
    type: "response.output_item.added",
    sequence_number: sequencer.next(),
    output_index: outputIndex,
    item,
  });
  return {
    kind: "reasoning",
    id,
    outputIndex,
    placeholder: item,
    text: "",
    summaryOpen: false,
    state: emptyReasoningState(),
  };
}

/** Closes a reasoning item: the summary part's `.done` events, then `output_item.done` with `encrypted_content`. */
export function closeReasoning(
  sequencer: Sequencer,
  events: ResponseStreamEvent[],
  reasoning: ReasoningItemState,
): ReasoningItem {
  const at = { item_id: reasoning.id, output_index: reasoning.outputIndex, summary_index: 0 };
  const summary: ReasoningItem["summary"] = [];
  if (reasoning.summaryOpen) {
    events.push({
      type: "response.reasoning_summary_text.done",
      sequence_number: sequencer.next(),
      ...at,
      text: reasoning.text,
    });
    events.push({
      type: "response.reasoning_summary_part.done",
      sequence_number: sequencer.next(),
      ...at,
      part: { type: "summary_text", text: reasoning.text },
    });
    summary.push({ type: "summary_text", text: reasoning.text });
  }
  const item: ReasoningItem = { id: reasoning.id, type: "reasoning", summary };
  const encrypted = encryptedContentOf(reasoning.text, reasoning.state);
  if (encrypted !== undefined) item.encrypted_content = encrypted;
  events.push({
    type: "response.output_item.done",
    sequence_number: sequencer.next(),
    output_index: reasoning.outputIndex,
    item,
  });
  return item;
}
