import { buildResponseObject, chatUsageToResponses } from "@switchyard/chat-responses";
import type {
  ChatCompletionChunk,
  ChatUsage,
  Clock,
  ResponseError,
  ResponseObject,
  ResponseOutputItem,
  ResponseStatus,
  ResponseStreamEvent,
  ResponsesRequest,
} from "@switchyard/core";
import type { Sequencer } from "./output-item-events";

const seconds = (milliseconds: number): number => Math.floor(milliseconds / 1000);

/**
 * The Response object around the streamed items: its id, creation time, model, service tier and usage,
 * and the lifecycle events (`response.created`, `response.in_progress`, the terminal one) that carry it
 * whole, built by chat-responses' `buildResponseObject`.
 */
export class ResponseLifecycle {
  private createdAt = 0;
  private model = "";
  private serviceTier: string | null = null;
  private usage: ChatUsage | null = null;

  constructor(
    private readonly request: ResponsesRequest,
    private readonly id: string,
    private readonly clock: Clock,
    private readonly modelOverride: string | undefined,
  ) {}

  /**
   * Emits `response.created` and `response.in_progress`. `created_at` is the upstream's `created` (as the
   * non-streaming translation uses), else the clock; the model is the override, the upstream's, or the request's.
   */
  start(sequencer: Sequencer, events: ResponseStreamEvent[], first: ChatCompletionChunk | undefined): void {
    const created = first?.created;
    this.createdAt = created !== undefined && created > 0 ? created : seconds(this.clock());
    const upstreamModel = first?.model === "" ? undefined : first?.model;
    this.model = this.modelOverride ?? upstreamModel ?? this.request.model ?? "";
    events.push({
      type: "response.created",
      sequence_number: sequencer.next(),
      response: this.snapshot("in_progress", [], null, null),
    });
    events.push({
      type: "response.in_progress",
      sequence_number: sequencer.next(),
      response: this.snapshot("in_progress", [], null, null),
    });
  }

  /** Keeps what a chunk says about the whole response: usage (on the finish chunk or a trailing one), tier. */
  observe(chunk: ChatCompletionChunk): void {
    if (chunk.usage != null) this.usage = chunk.usage;
    if (chunk.service_tier != null) this.serviceTier = chunk.service_tier;
  }

  /** The terminal event, carrying the full output and the usage. */
  terminal(
    sequencer: Sequencer,
    status: ResponseStatus,
    output: ResponseOutputItem[],
    incompleteDetails: { reason: string } | null,
    error: ResponseError | null,
  ): ResponseStreamEvent {
    const response = this.snapshot(status, output, incompleteDetails, error);
    const sequence_number = sequencer.next();
    if (status === "completed") return { type: "response.completed", sequence_number, response };
    if (status === "incomplete") return { type: "response.incomplete", sequence_number, response };
    return { type: "response.failed", sequence_number, response };
  }

  private snapshot(
    status: ResponseStatus,
    output: ResponseOutputItem[],
    incompleteDetails: { reason: string } | null,
    error: ResponseError | null,
  ): ResponseObject {
    const final = status !== "in_progress";
    return buildResponseObject(this.request, {
      id: this.id,
      createdAt: this.createdAt,
      model: this.model,
      status,
      output,
      usage: final && this.usage !== null ? chatUsageToResponses(this.usage) : null,
      error,
      incompleteDetails,
      completedAt: status === "completed" ? seconds(this.clock()) : null,
      serviceTier: this.serviceTier,
    });
  }
}
