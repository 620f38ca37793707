import {
  reasoningItemToDetails,
  responsesUsageToChat,
  statusToFinishReason,
} from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  type ChatDelta,
  type ChatLogprobs,
  type Clock,
  GatewayError,
  type IdGenerator,
  type ReasoningItem,
  type ResponseObject,
  type ResponseStreamEvent,
  systemClock,
  type Warning,
} from "@switchyard/core";
import { type ErrorBody, gatewayErrorOfBody as upstreamErrorOf } from "../sse/upstream-error";
import { KNOWN_RESPONSES_EVENT_TYPES } from "./known-event-types";
import { MessagePhase } from "./message-phase";
import { responsesLogprobsToChat } from "./responses-logprobs-to-chat";

/** Options of `createResponsesToChatTranscoder`. */
export interface ResponsesToChatOptions {
  /** Whether the client asked for `stream_options.include_usage`: a final `choices: []` chunk with usage. */
  includeUsage: boolean;
  /** Makes the chunk id when the upstream never sent `response.created`. */
  ids?: IdGenerator;
  /** Sets `created` when the upstream never sent `response.created`. */
  clock?: Clock;
  /** The model name reported on the chunks; else the upstream Response's. */
  model?: string;
}

/** A push state machine from Responses stream events to Chat Completions chunks. */
export interface ResponsesToChatTranscoder {
  /**
   * Transcodes one upstream event. Throws a `GatewayError` on an upstream `error` or `response.failed`
   * (a Chat stream reports a failure as an error frame, see the SSE wrapper).
   */
  push(event: ResponseStreamEvent): ChatCompletionChunk[];
  /** The upstream ended. Throws a `GatewayError` when it ended before the response finished. */
  end(): ChatCompletionChunk[];
  /** Unknown or untranslatable upstream events that were skipped. */
  readonly warnings: Warning[];
}

/** Creates a Responses events -> Chat chunks transcoder. */
export function createResponsesToChatTranscoder(options: ResponsesToChatOptions): ResponsesToChatTranscoder {
  return new ResponsesToChat(options);
}

/** What a Responses stream event looks like to a reader that must accept any event. */
interface LooseEvent {
  type: string;
  [field: string]: unknown;
}

interface LooseItem {
  type?: unknown;
  id?: unknown;
  call_id?: unknown;
  name?: unknown;
  arguments?: unknown;
  encrypted_content?: unknown;
  phase?: unknown;
}

interface ToolCallProgress {
  index: number;
  emitted: string;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

const indexOf = (event: LooseEvent): number =>
  typeof event.output_index === "number" ? event.output_index : -1;

class ResponsesToChat implements ResponsesToChatTranscoder {
  readonly warnings: Warning[] = [];
  private readonly includeUsage: boolean;
  private readonly ids: IdGenerator | undefined;
  private readonly clock: Clock;
  private readonly modelOverride: string | undefined;
  private id = "";
  private created = 0;
  private model = "";
  private serviceTier: string | undefined;
  private started = false;
  private finished = false;
  /** Function calls by `output_index`: stable, where some upstreams (GitHub Copilot) rotate item ids. */
  private readonly toolCalls = new Map<number, ToolCallProgress>();
  private nextToolIndex = 0;
  private readonly warned = new Set<string>();
  private readonly phase = new MessagePhase();
  /** The text streamed so far for the part deltas are arriving on, to reconcile with its `.done` event. */
  private partKind: "content" | "refusal" | "reasoning_content" | "" = "";
  private partOutputIndex = -1;
  private partIndex = -1;
  private partText = "";

  constructor(options: ResponsesToChatOptions) {
    this.includeUsage = options.includeUsage;
    this.ids = options.ids;
    this.clock = options.clock ?? systemClock;
    this.modelOverride = options.model;
  }

  push(input: ResponseStreamEvent): ChatCompletionChunk[] {
    const event = input as LooseEvent;
    const chunks: ChatCompletionChunk[] = [];
    if (this.finished) {
      this.warn(event.type, `The '${event.type}' event arrived after the response finished and was skipped.`);
      return chunks;
    }
    switch (event.type) {
      case "response.output_text.delta": {
        this.ensureStarted(chunks, undefined);
        const delta = this.track("content", event, event.content_index, text(event.delta) ?? "");
        chunks.push(
          this.chunk(
            this.phase.onDelta({ content: delta }, event.output_index),
            null,
            responsesLogprobsToChat(event.logprobs),
          ),
        );
        break;
      }
      case "response.output_text.done":
        this.reconcile("content", event, event.content_index, text(event.text), chunks);
        break;
      case "response.refusal.done":
        this.reconcile("refusal", event, event.content_index, text(event.refusal), chunks);
        break;
      case "response.reasoning_summary_text.done":
        this.reconcile("reasoning_content", event, event.summary_index, text(event.text), chunks);
        break;
      case "response.reasoning_text.done":
        this.reconcile("reasoning_content", event, event.content_index, text(event.text), chunks);
        break;
      case "response.function_call_arguments.delta":
        this.ensureStarted(chunks, undefined);
        this.argumentsDelta(indexOf(event), text(event.delta) ?? "", chunks);
        break;
      case "response.reasoning_summary_text.delta":
        this.reasoningDelta(event, event.summary_index, chunks);
        break;
      case "response.reasoning_text.delta":
        this.reasoningDelta(event, event.content_index, chunks);
        break;
      case "response.refusal.delta":
        this.ensureStarted(chunks, undefined);
        chunks.push(
          this.chunk(
            this.phase.onDelta(
              { refusal: this.track("refusal", event, event.content_index, text(event.delta) ?? "") },
              event.output_index,
            ),
          ),
        );
        break;
      case "response.reasoning_summary_part.added":
        // Summary parts are separate paragraphs; a Chat reader gets one text, so they are joined.
        if (typeof event.summary_index === "number" && event.summary_index > 0) {
          chunks.push(this.chunk({ reasoning_content: "\n\n" }));
        }
        break;
      case "response.created":
        this.ensureStarted(chunks, event.response as ResponseObject | undefined);
        break;
      case "response.output_item.added":
        this.ensureStarted(chunks, undefined);
        this.itemAdded(indexOf(event), (event.item ?? {}) as LooseItem, chunks);
        break;
      case "response.function_call_arguments.done":
        this.completeArguments(indexOf(event), text(event.arguments), chunks);
        break;
      case "response.output_item.done":
        this.itemDone(indexOf(event), (event.item ?? {}) as LooseItem, chunks);
        break;
      case "response.completed":
      case "response.incomplete":
        this.ensureStarted(chunks, undefined);
        this.finish(event.response as ResponseObject | undefined, chunks);
        break;
      case "error": {
        // OpenAI nests the error (`error: {type, code, message, param}`); the published schema is flat, and
        // there `type` is the event's own "error", not an error type.
        const nested = event.error;
        if (typeof nested === "object" && nested !== null) throw upstreamErrorOf(nested as ErrorBody);
        throw upstreamErrorOf({ code: event.code, message: event.message, param: event.param });
      }
      case "response.failed": {
        const response = event.response as ResponseObject | undefined;
        throw upstreamErrorOf((response?.error ?? { message: "The upstream response failed." }) as ErrorBody);
      }
      case "response.output_text.annotation.added":
        this.warn(event.type, "Chat chunks carry no annotations; output_text annotations were dropped.");
        break;
      default:
        if (!KNOWN_RESPONSES_EVENT_TYPES.has(event.type)) {
          this.warn(event.type, `Unknown upstream event '${event.type}' was skipped.`, "unknown_event");
        }
    }
    return chunks;
  }

  end(): ChatCompletionChunk[] {
    if (!this.finished) {
      throw new GatewayError({
        status: 502,
        type: "upstream_error",
        code: "stream_incomplete",
        message: "The upstream closed the stream before the response finished.",
        retryable: false,
      });
    }
    return [];
  }

  /** Records a delta of the part it belongs to and returns it. */
  private track(kind: ResponsesToChat["partKind"], event: LooseEvent, index: unknown, delta: string): string {
    const outputIndex = event.output_index;
    if (kind !== this.partKind || outputIndex !== this.partOutputIndex || index !== this.partIndex) {
      this.partKind = kind;
      this.partOutputIndex = typeof outputIndex === "number" ? outputIndex : -1;
      this.partIndex = typeof index === "number" ? index : -1;
      this.partText = "";
    }
    this.partText += delta;
    return delta;
  }

  /**
   * A part's `.done` event is authoritative. When its text extends what the deltas carried (an upstream that
   * sends no deltas, or a recording with some left out), the rest is emitted; a contradiction is a warning.
   */
  private reconcile(
    kind: ResponsesToChat["partKind"],
    event: LooseEvent,
    index: unknown,
    full: string | null,
    chunks: ChatCompletionChunk[],
  ): void {
    if (full === null || kind === "") return;
    const same =
      kind === this.partKind && event.output_index === this.partOutputIndex && index === this.partIndex;
    const streamed = same ? this.partText : "";
    this.partKind = "";
    if (full.length <= streamed.length) return;
    if (!full.startsWith(streamed)) {
      this.warn(
        `${event.type}:${String(event.item_id)}`,
        `The final text of '${String(event.item_id)}' disagrees with its deltas.`,
      );
      return;
    }
    this.ensureStarted(chunks, undefined);
    const rest = full.slice(streamed.length);
    if (kind === "content")
      chunks.push(this.chunk(this.phase.onDelta({ content: rest }, event.output_index)));
    else if (kind === "refusal")
      chunks.push(this.chunk(this.phase.onDelta({ refusal: rest }, event.output_index)));
    else chunks.push(this.chunk({ reasoning_content: rest }));
  }

  private ensureStarted(chunks: ChatCompletionChunk[], response: ResponseObject | undefined): void {
    if (this.started) {
      if (response !== undefined) {
        this.warn("response.created", "A second response.created in one stream was skipped.");
      }
      return;
    }
    this.started = true;
    this.id = response?.id ?? this.ids?.("chatcmpl") ?? "chatcmpl";
    this.created = Math.floor(response?.created_at ?? this.clock() / 1000);
    this.model = this.modelOverride ?? response?.model ?? "";
    this.serviceTier = response?.service_tier ?? undefined;
    chunks.push(this.chunk({ role: "assistant", content: null }));
  }

  private chunk(
    delta: ChatDelta,
    finishReason: string | null = null,
    logprobs: ChatLogprobs | null = null,
  ): ChatCompletionChunk {
    const chunk: ChatCompletionChunk = {
      id: this.id,
      object: "chat.completion.chunk",
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, logprobs, finish_reason: finishReason }],
    };
    if (this.serviceTier !== undefined) chunk.service_tier = this.serviceTier;
    if (this.includeUsage) chunk.usage = null;
    return chunk;
  }

  private itemAdded(outputIndex: number, item: LooseItem, chunks: ChatCompletionChunk[]): void {
    if (item.type === "function_call") {
      const progress: ToolCallProgress = { index: this.nextToolIndex++, emitted: text(item.arguments) ?? "" };
      this.toolCalls.set(outputIndex, progress);
      const callId = text(item.call_id) ?? this.ids?.("call") ?? text(item.id) ?? "";
      const name = text(item.name) ?? "";
      chunks.push(
        this.chunk({
          tool_calls: [
            {
              index: progress.index,
              id: callId,
              type: "function",
              function: { name, arguments: progress.emitted },
            },
          ],
        }),
      );
    } else if (item.type === "message") {
      if (!this.phase.added(outputIndex, item.phase)) {
        this.warn(
          "phase",
          `The stream holds several assistant messages with phases; a Chat message has one, so the phase '${String(item.phase)}' of output ${outputIndex} and any later one were dropped.`,
        );
      }
    } else if (item.type !== "reasoning") {
      const type = String(item.type);
      this.warn(`item:${type}`, `Chat has no equivalent of a '${type}' output item; it was skipped.`);
    }
  }

  /** A reasoning delta (of a summary part or of raw reasoning text) becomes a `reasoning_content` chunk. */
  private reasoningDelta(event: LooseEvent, partIndex: unknown, chunks: ChatCompletionChunk[]): void {
    this.ensureStarted(chunks, undefined);
    const delta = this.track("reasoning_content", event, partIndex, text(event.delta) ?? "");
    chunks.push(this.chunk({ reasoning_content: delta }));
  }

  private argumentsDelta(outputIndex: number, fragment: string, chunks: ChatCompletionChunk[]): void {
    const progress = this.toolCalls.get(outputIndex);
    if (progress === undefined || fragment === "") return;
    progress.emitted += fragment;
    chunks.push(this.chunk({ tool_calls: [{ index: progress.index, function: { arguments: fragment } }] }));
  }

  /** Some upstreams (LM Studio) send no argument deltas, only the full arguments at the end. */
  private completeArguments(outputIndex: number, full: string | null, chunks: ChatCompletionChunk[]): void {
    const progress = this.toolCalls.get(outputIndex);
    if (progress === undefined || full === null || full.length <= progress.emitted.length) return;
    if (!full.startsWith(progress.emitted)) {
      this.warn(
        `arguments:${outputIndex}`,
        `Final arguments of output ${outputIndex} disagree with its deltas.`,
      );
      return;
    }
    this.argumentsDelta(outputIndex, full.slice(progress.emitted.length), chunks);
  }

  /** A phased message that streamed no delta (or never reported done) gets its phase in a chunk of its own. */
  private flushPhase(chunks: ChatCompletionChunk[], outputIndex?: number): void {
    const phase = this.phase.take(outputIndex);
    if (phase !== undefined) chunks.push(this.chunk({ phase }));
  }

  private itemDone(outputIndex: number, item: LooseItem, chunks: ChatCompletionChunk[]): void {
    if (item.type === "message") {
      this.flushPhase(chunks, outputIndex);
    } else if (item.type === "function_call") {
      this.completeArguments(outputIndex, text(item.arguments), chunks);
    } else if (item.type === "reasoning" && Array.isArray((item as { summary?: unknown }).summary)) {
      // The whole item as details (summaries, text, encrypted state), as the non-streaming translation gives
      // them, so a client can send the state back; a wrapped foreign blob is unwrapped to its origin.
      const details = reasoningItemToDetails(item as ReasoningItem);
      if (details.length > 0) chunks.push(this.chunk({ reasoning_details: details }));
    }
  }

  private finish(response: ResponseObject | undefined, chunks: ChatCompletionChunk[]): void {
    this.finished = true;
    this.flushPhase(chunks);
    if (response?.service_tier != null) this.serviceTier = response.service_tier;
    const status = response?.status ?? "completed";
    const finishReason = statusToFinishReason(status, response?.incomplete_details, this.nextToolIndex > 0);
    chunks.push(this.chunk({}, finishReason ?? "stop"));
    if (this.includeUsage && response?.usage != null) {
      chunks.push({
        id: this.id,
        object: "chat.completion.chunk",
        created: this.created,
        model: this.model,
        choices: [],
        ...(this.serviceTier === undefined ? {} : { service_tier: this.serviceTier }),
        usage: responsesUsageToChat(response.usage),
      });
    }
  }

  private warn(key: string, message: string, type = "dropped_content"): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ type, code: key, message });
  }
}
