import {
  createToolSurface,
  finishReasonToStatus,
  outputToolCallTypeOf,
  TOOL_CALL_ID_PREFIX,
  type ToolSurface,
} from "@switchyard/chat-responses";
import type {
  ChatCompletionChunk,
  ChatTokenLogprob,
  ChatToolCallDelta,
  Clock,
  GatewayError,
  IdGenerator,
  ReasoningEncryptedDetail,
  ReasoningTextDetail,
  ResponseError,
  ResponseOutputItem,
  ResponseStatus,
  ResponseStreamEvent,
  ResponsesRequest,
  Warning,
} from "@switchyard/core";
import { systemClock } from "@switchyard/core";
import { chatLogprobsToResponses } from "./chat-logprobs-to-responses";
import {
  type ActiveItem,
  closeMessage,
  closeReasoning,
  type MessageItem,
  openMessage,
  openReasoning,
  type ReasoningItemState,
  type Sequencer,
} from "./output-item-events";
import { type ChatDeltaSink, readChatDelta } from "./read-chat-delta";
import { ResponseLifecycle } from "./response-lifecycle";
import {
  closeToolCall,
  openToolCall,
  pushInputDelta,
  streamsWhileOpen,
  type ToolCallContext,
  type ToolCallItem,
} from "./tool-call-events";

/** Options of `createChatToResponsesTranscoder`. */
export interface ChatToResponsesOptions {
  /** The Responses request being served; its settings are echoed on every Response object. */
  request: ResponsesRequest;
  /** Makes the `resp`, `msg`, `rs`, `fc` and (when the upstream sends none) `call` ids. */
  ids: IdGenerator;
  /** Sets `created_at` and `completed_at`; the system clock when absent. */
  clock?: Clock;
  /** The model name reported on the Response; else the upstream chunk's, else the request's. */
  model?: string;
}

/** A push state machine from Chat Completions chunks to Responses stream events. */
export interface ChatToResponsesTranscoder {
  /** Transcodes one upstream chunk; the first call also emits `response.created` and `response.in_progress`. */
  push(chunk: ChatCompletionChunk): ResponseStreamEvent[];
  /** The upstream ended: emits `response.completed` / `response.incomplete`, or `response.failed` if it never finished. */
  end(): ResponseStreamEvent[];
  /** The upstream failed: emits `error`, then `response.failed`. */
  fail(error: GatewayError): ResponseStreamEvent[];
  /** What was skipped or changed on the way, such as choices beyond the first. */
  readonly warnings: Warning[];
}

/** Creates a Chat chunks -> Responses events transcoder. */
export function createChatToResponsesTranscoder(options: ChatToResponsesOptions): ChatToResponsesTranscoder {
  return new ChatToResponses(options);
}

class ChatToResponses implements ChatToResponsesTranscoder, ChatDeltaSink, Sequencer {
  readonly warnings: Warning[] = [];
  sequence = 0;
  private readonly ids: IdGenerator;
  private readonly lifecycle: ResponseLifecycle;
  /** The request's tools as the Chat functions the upstream saw; calls map back through it. */
  private readonly surface: ToolSurface;
  private started = false;
  private terminated = false;
  private readonly output: ResponseOutputItem[] = [];
  private active: ActiveItem | null = null;
  private readonly toolCalls = new Map<number, ToolCallItem>();
  private lastToolIndex = -1;
  private finishReason: string | null | undefined = undefined;
  private warnedChoices = false;
  private warnedLateFragment = false;
  /** Logprobs of the choice being read; its text takes them. */
  private logprobs: ChatTokenLogprob[] | null | undefined;

  constructor(options: ChatToResponsesOptions) {
    this.ids = options.ids;
    this.surface = createToolSurface(options.request.tools);
    const clock = options.clock ?? systemClock;
    this.lifecycle = new ResponseLifecycle(options.request, this.ids("resp"), clock, options.model);
  }

  next(): number {
    return this.sequence++;
  }

  push(chunk: ChatCompletionChunk): ResponseStreamEvent[] {
    const events: ResponseStreamEvent[] = [];
    if (this.terminated) return events;
    if (!this.started) this.start(events, chunk);
    this.lifecycle.observe(chunk);
    const choices = chunk.choices;
    for (let position = 0; position < choices.length; position++) {
      const choice = choices[position]!;
      if (choice.index !== 0) {
        this.warnExtraChoice();
        continue;
      }
      this.logprobs = choice.logprobs?.content;
      if (choice.delta != null) readChatDelta(choice.delta, this, events);
      if (choice.finish_reason != null) {
        this.finishReason = choice.finish_reason;
        this.closeAll(events, finishReasonToStatus(choice.finish_reason).status);
      }
    }
    return events;
  }

  end(): ResponseStreamEvent[] {
    const events: ResponseStreamEvent[] = [];
    if (this.terminated) return events;
    if (!this.started) this.start(events, undefined);
    if (this.finishReason === undefined) {
      this.closeAll(events, "incomplete");
      this.warnings.push({
        type: "upstream_error",
        code: "finish_reason",
        message: "The upstream closed the stream before sending a finish_reason; the response failed.",
      });
      const error: ResponseError = {
        code: "server_error",
        message: "The upstream closed the stream before the response finished.",
      };
      events.push(this.terminal("failed", null, error));
      return events;
    }
    const { status, incompleteDetails } = finishReasonToStatus(this.finishReason);
    this.closeAll(events, status);
    events.push(this.terminal(status, incompleteDetails, null));
    return events;
  }

  fail(error: GatewayError): ResponseStreamEvent[] {
    const events: ResponseStreamEvent[] = [];
    if (this.terminated) return events;
    if (!this.started) this.start(events, undefined);
    this.closeAll(events, "incomplete");
    events.push({
      type: "error",
      sequence_number: this.next(),
      code: error.code,
      message: error.message,
      param: error.param,
    });
    const code = error.code ?? (error.status === 429 ? "rate_limit_exceeded" : "server_error");
    events.push(this.terminal("failed", null, { code, message: error.message }));
    return events;
  }

  private start(events: ResponseStreamEvent[], first: ChatCompletionChunk | undefined): void {
    this.started = true;
    this.lifecycle.start(this, events, first);
  }

  private terminal(
    status: ResponseStatus,
    incompleteDetails: { reason: string } | null,
    error: ResponseError | null,
  ): ResponseStreamEvent {
    this.terminated = true;
    return this.lifecycle.terminal(this, status, this.output, incompleteDetails, error);
  }

  /**
   * Part of `ChatDeltaSink`: reasoning text opens (or continues) a reasoning item's summary. A signed item is
   * complete (one Anthropic thinking block), so more text starts a new item; restated detail text that the
   * open item already streamed is not appended twice.
   */
  reasoning(
    text: string,
    detailId: string | null | undefined,
    events: ResponseStreamEvent[],
    restated = false,
  ): void {
    const open = this.active?.kind === "reasoning" ? this.active : undefined;
    if (open !== undefined && open.state.signature !== undefined) this.closeActive(events, "completed");
    else if (restated && open !== undefined && open.text !== "") return;
    this.appendReasoning(text, events, detailId);
  }

  /** Part of `ChatDeltaSink`: a signature or a blob; a second blob starts a new reasoning item. */
  reasoningState(
    detail: ReasoningTextDetail | ReasoningEncryptedDetail,
    events: ResponseStreamEvent[],
  ): void {
    const signature = detail.type === "reasoning.text" ? detail.signature : undefined;
    const signed = signature != null && signature !== "";
    // An unsigned text detail only annotates reasoning already open; it never opens an empty item.
    if (detail.type === "reasoning.text" && !signed && this.active?.kind !== "reasoning") return;
    let reasoning = this.activeReasoning(events, detail.id);
    if (detail.type === "reasoning.text") {
      if (signed && reasoning.state.signature !== undefined) {
        // A second signed block: it is its own item, as its signature covers only its own text.
        this.closeActive(events, "completed");
        reasoning = this.activeReasoning(events, detail.id);
      }
      if (signed) reasoning.state.signature = signature;
      reasoning.state.textFormat ??= detail.format;
      reasoning.state.textId ??= detail.id ?? undefined;
      return;
    }
    if (reasoning.state.blob !== undefined) {
      this.closeActive(events, "completed");
      reasoning = this.activeReasoning(events, detail.id);
    }
    reasoning.state.blob = detail;
  }

  /** Part of `ChatDeltaSink`. */
  text(text: string, events: ResponseStreamEvent[]): void {
    this.appendText(text, events);
  }

  /** Part of `ChatDeltaSink`. */
  refusal(text: string, events: ResponseStreamEvent[]): void {
    this.appendRefusal(text, events);
  }

  /** Part of `ChatDeltaSink`. */
  toolFragment(fragment: ChatToolCallDelta, events: ResponseStreamEvent[]): void {
    this.applyToolFragment(fragment, events);
  }

  private activeReasoning(events: ResponseStreamEvent[], detailId?: string | null): ReasoningItemState {
    if (this.active?.kind === "reasoning") return this.active;
    this.closeActive(events, "completed");
    // Upstream detail ids name the item, unless one is repeated (item ids must be unique on the wire).
    const taken = detailId != null && this.output.some((item) => item.id === detailId);
    const id = detailId != null && !taken ? detailId : this.ids("rs");
    const reasoning = openReasoning(this, events, id, this.output.length);
    this.output.push(reasoning.placeholder);
    this.active = reasoning;
    return reasoning;
  }

  private appendReasoning(text: string, events: ResponseStreamEvent[], detailId?: string | null): void {
    const reasoning = this.activeReasoning(events, detailId);
    if (!reasoning.summaryOpen) {
      reasoning.summaryOpen = true;
      events.push({
        type: "response.reasoning_summary_part.added",
        sequence_number: this.next(),
        item_id: reasoning.id,
        output_index: reasoning.outputIndex,
        summary_index: 0,
        part: { type: "summary_text", text: "" },
      });
    }
    reasoning.text += text;
    events.push({
      type: "response.reasoning_summary_text.delta",
      sequence_number: this.next(),
      item_id: reasoning.id,
      output_index: reasoning.outputIndex,
      summary_index: 0,
      delta: text,
    });
  }

  private activeMessage(events: ResponseStreamEvent[]): MessageItem {
    if (this.active?.kind === "message") return this.active;
    this.closeActive(events, "completed");
    const message = openMessage(this, events, this.ids("msg"), this.output.length);
    this.output.push(message.placeholder);
    this.active = message;
    return message;
  }

  private appendText(text: string, events: ResponseStreamEvent[]): void {
    const message = this.activeMessage(events);
    const part = message.textPart(this, events);
    part.text += text;
    const tokens = this.logprobs;
    const logprobs = tokens != null && tokens.length > 0 ? chatLogprobsToResponses(tokens) : [];
    for (const entry of logprobs) part.logprobs.push(entry);
    events.push({
      type: "response.output_text.delta",
      sequence_number: this.next(),
      item_id: message.id,
      output_index: message.outputIndex,
      content_index: part.index,
      delta: text,
      logprobs,
    });
  }

  private appendRefusal(refusal: string, events: ResponseStreamEvent[]): void {
    const message = this.activeMessage(events);
    const part = message.refusalPart(this, events);
    part.text += refusal;
    events.push({
      type: "response.refusal.delta",
      sequence_number: this.next(),
      item_id: message.id,
      output_index: message.outputIndex,
      content_index: part.index,
      delta: refusal,
    });
  }

  private get toolContext(): ToolCallContext {
    return { surface: this.surface, warnings: this.warnings };
  }

  /**
   * Tool calls are keyed by `index` and may interleave upstream. Only one item streams at a time: the first
   * named call opens when no other call is streaming; fragments of the others are buffered and their items
   * are emitted, whole, when the choice finishes, as are shell calls, whose action is known only then. A
   * Chat custom tool call (`type: "custom"`) streams its input. Mistral omits `index`; a fragment without one
   * continues the last call unless it brings a new id.
   */
  private applyToolFragment(fragment: ChatToolCallDelta, events: ResponseStreamEvent[]): void {
    const index = this.toolIndexOf(fragment);
    let call = this.toolCalls.get(index);
    const rawInput = fragment.type === "custom" || fragment.custom != null;
    const name = rawInput ? fragment.custom?.name : fragment.function?.name;
    if (call === undefined) {
      call = {
        kind: "function_call",
        index,
        id: "",
        callId: fragment.id ?? undefined,
        name: name ?? "",
        arguments: "",
        outputIndex: -1,
        phase: "pending",
        itemType: "function_call",
        rawInput,
      };
      this.toolCalls.set(index, call);
    } else {
      if (call.callId === undefined && fragment.id != null && fragment.id !== "") call.callId = fragment.id;
      if (call.name === "" && name != null) call.name = name;
    }
    this.lastToolIndex = index;
    const fragmentArguments = (call.rawInput ? fragment.custom?.input : fragment.function?.arguments) ?? "";
    if (call.phase === "open") {
      if (fragmentArguments === "") return;
      call.arguments += fragmentArguments;
      if (call.itemType === "function_call")
        events.push({
          type: "response.function_call_arguments.delta",
          sequence_number: this.next(),
          item_id: call.id,
          output_index: call.outputIndex,
          delta: fragmentArguments,
        });
      else if (call.rawInput) pushInputDelta(this, events, call, fragmentArguments);
      return;
    }
    if (call.phase === "done") {
      this.warnLateFragment(index);
      return;
    }
    call.arguments += fragmentArguments;
    if (call.name === "") return;
    call.itemType = call.rawInput ? "custom_tool_call" : outputToolCallTypeOf(call.name, this.surface);
    if (streamsWhileOpen(call) && this.active?.kind !== "function_call") {
      this.closeActive(events, "completed");
      this.startToolCall(call, events);
    }
  }

  private toolIndexOf(fragment: ChatToolCallDelta): number {
    if (typeof fragment.index === "number") return fragment.index;
    const id = fragment.id;
    if (id != null && id !== "") {
      for (const call of this.toolCalls.values()) if (call.callId === id) return call.index;
      if (this.lastToolIndex >= 0) return this.lastToolIndex + 1;
    }
    return Math.max(this.lastToolIndex, 0);
  }

  private startToolCall(call: ToolCallItem, events: ResponseStreamEvent[]): void {
    call.id = this.ids(TOOL_CALL_ID_PREFIX[call.itemType]);
    call.callId ??= this.ids("call");
    call.outputIndex = this.output.length;
    openToolCall(this, events, call, this.toolContext);
    this.output.push(call.placeholder!);
    this.active = call;
  }

  private closeActive(events: ResponseStreamEvent[], status: "completed" | "incomplete"): void {
    const active = this.active;
    if (active === null) return;
    this.active = null;
    const itemStatus = status === "completed" ? "completed" : "incomplete";
    if (active.kind === "message")
      this.output[active.outputIndex] = closeMessage(this, events, active, itemStatus);
    else if (active.kind === "reasoning")
      this.output[active.outputIndex] = closeReasoning(this, events, active);
    else this.output[active.outputIndex] = closeToolCall(this, events, active, itemStatus, this.toolContext);
  }

  /** Closes the streaming item, then emits every buffered tool call whole, in `index` order. */
  private closeAll(events: ResponseStreamEvent[], status: ResponseStatus): void {
    const itemStatus = status === "completed" ? "completed" : "incomplete";
    this.closeActive(events, itemStatus);
    if (this.toolCalls.size === 0) return;
    const pending = [...this.toolCalls.values()].filter((call) => call.phase === "pending");
    pending.sort((left, right) => left.index - right.index);
    for (const call of pending) {
      if (call.name === "") {
        this.warnings.push({
          type: "dropped_content",
          code: `tool_calls[${call.index}].function.name`,
          message: `The upstream never named tool call ${call.index}; it was emitted with an empty name.`,
        });
      }
      this.startToolCall(call, events);
      this.closeActive(events, itemStatus);
    }
  }

  private warnExtraChoice(): void {
    if (this.warnedChoices) return;
    this.warnedChoices = true;
    this.warnings.push({
      type: "dropped_content",
      code: "choices",
      message: "A Response holds one output; choices beyond the first were dropped.",
    });
  }

  private warnLateFragment(index: number): void {
    if (this.warnedLateFragment) return;
    this.warnedLateFragment = true;
    this.warnings.push({
      type: "dropped_content",
      code: `tool_calls[${index}].function.arguments`,
      message: `Arguments for tool call ${index} arrived after its item was closed and were dropped.`,
    });
  }
}
