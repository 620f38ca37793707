import { responsesUsageToChat } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  type ChatUsage,
  encodeJsonSseFrame,
  encodeSseFrame,
  GatewayError,
  type ResponseObject,
  type ResponseStreamEvent,
  type RoutingMetadata,
  type SseEvent,
} from "@switchyard/core";
import type { ChatToResponsesTranscoder } from "@switchyard/stream";
import { encodeResponsesEvent } from "@switchyard/stream";
import { errorToSend } from "./http-errors";
import { withOutputText } from "./native-responses";
import type { SseWriter } from "./sse-writer";

/**
 * Where a relayed Responses stream goes: SSE frames on HTTP (`sseEventSink`), one JSON message per event on
 * a WebSocket. Each call resolves when the transport can take more, so a slow client pauses the upstream.
 */
export interface ResponsesEventSink {
  /** Relays an upstream event as received: its JSON text and its SSE event name. */
  relay(data: string, event: string | undefined): Promise<void>;
  /** Writes one event the gateway parsed or built, under its SSE event name. */
  writeJson(value: object, event: string): Promise<void>;
  /** Writes the events one upstream chunk produced, together (every frame whole). */
  writeEvents(events: readonly ResponseStreamEvent[]): Promise<void>;
}

/** The SSE sink over an `SseWriter`: a chunk's events go out in one write. */
export function sseEventSink(writer: SseWriter): ResponsesEventSink {
  return {
    relay: (data, event) => writer.write(encodeSseFrame(data, event)),
    writeJson: (value, event) => writer.write(encodeJsonSseFrame(value, event)),
    writeEvents(events) {
      // A syscall per event was the largest cost of a relayed stream, so the frames share one write.
      let frames = "";
      for (const event of events) frames += encodeResponsesEvent(event);
      return writer.write(frames);
    },
  };
}

/** The events that end a Responses stream; their `response` carries `routing_metadata`. */
const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);

/** How a relayed Responses stream ended. */
export interface ResponsesRelayResult {
  usage: ChatUsage | null;
  error?: GatewayError;
  clientAborted: boolean;
}

/** What both relays need: the client's abort signal and the router's `complete`. */
export interface ResponsesRelayOptions {
  signal: AbortSignal;
  /** Builds `routing_metadata` from the usage; `failed` when the stream ended in an error. */
  complete(usage: ChatUsage | null, failed: boolean): RoutingMetadata;
}

const upstreamEndedEarly = (): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_stream_truncated",
    message: "The upstream closed the Responses stream before its final event.",
    retryable: false,
  });

const usageOf = (response: ResponseObject | undefined): ChatUsage | null =>
  response?.usage ? responsesUsageToChat(response.usage) : null;

/** The events whose `response` is the snapshot a failure's `response.failed` is built from. */
const SNAPSHOT_EVENTS = new Set(["response.created", "response.in_progress"]);

/**
 * Relays a native Responses stream frame for frame. Every event goes out as the upstream sent it, except
 * the terminal one, whose `response` gains `routing_metadata`. A failure mid-stream (transport, idle limit,
 * shutdown) sends an `error` event, then `response.failed` built from the stream's last snapshot, as a
 * translated stream does. The caller ends the response.
 */
export async function relayNativeResponsesStream(
  sink: ResponsesEventSink,
  events: AsyncIterable<SseEvent>,
  options: ResponsesRelayOptions,
): Promise<ResponsesRelayResult> {
  let usage: ChatUsage | null = null;
  let sequence = 0;
  let finished = false;
  let snapshot: ResponseObject | undefined;
  try {
    for await (const event of events) {
      const type = event.event;
      if (type === undefined || !TERMINAL_EVENTS.has(type)) {
        if (type !== undefined && SNAPSHOT_EVENTS.has(type))
          snapshot = (JSON.parse(event.data) as { response?: ResponseObject }).response ?? snapshot;
        await sink.relay(event.data, type);
        const match = /"sequence_number":(\d+)/.exec(event.data);
        if (match !== null) sequence = Number(match[1]) + 1;
        continue;
      }
      finished = true;
      const terminal = JSON.parse(event.data) as { response?: ResponseObject };
      usage = usageOf(terminal.response);
      const routingMetadata = options.complete(usage, type === "response.failed");
      if (terminal.response !== undefined)
        terminal.response = { ...withOutputText(terminal.response), routing_metadata: routingMetadata };
      await sink.writeJson(terminal, type);
    }
    if (!finished && !options.signal.aborted) throw upstreamEndedEarly();
  } catch (error) {
    if (options.signal.aborted) return { usage, clientAborted: true };
    const failure = errorToSend(error);
    // Tell the router the answer failed, unless the terminal event already completed the routing.
    const routingMetadata = finished ? undefined : options.complete(usage, true);
    const event = { type: "error", code: failure.code, message: failure.message, param: failure.param };
    await sink.writeJson({ ...event, sequence_number: sequence }, "error");
    if (!finished && snapshot !== undefined) {
      const code = failure.code ?? (failure.status === 429 ? "rate_limit_exceeded" : "server_error");
      const response: ResponseObject = {
        ...snapshot,
        status: "failed",
        error: { code, message: failure.message },
        ...(routingMetadata === undefined ? {} : { routing_metadata: routingMetadata }),
      } as ResponseObject;
      await sink.writeJson(
        { type: "response.failed", sequence_number: sequence + 1, response },
        "response.failed",
      );
    }
    return { usage, error: failure, clientAborted: false };
  }
  return { usage, clientAborted: options.signal.aborted };
}

/**
 * Transcodes a Chat stream into Responses events and writes them, whole frames only. The terminal
 * event's `response` carries `routing_metadata`; a mid-stream failure emits `error` then `response.failed`.
 * The caller ends the response.
 */
export async function relayTranscodedResponsesStream(
  sink: ResponsesEventSink,
  chunks: AsyncIterable<ChatCompletionChunk>,
  transcoder: ChatToResponsesTranscoder,
  options: ResponsesRelayOptions,
): Promise<ResponsesRelayResult> {
  let usage: ChatUsage | null = null;
  let failure: GatewayError | undefined;
  // The events one upstream chunk produced go out together; the terminal one gains `routing_metadata`.
  const writeEvents = async (events: ResponseStreamEvent[]) => {
    if (events.length === 0) return;
    for (const event of events) {
      if (TERMINAL_EVENTS.has(event.type)) {
        const failed = failure !== undefined || event.type === "response.failed";
        (event as { response: ResponseObject }).response.routing_metadata = options.complete(usage, failed);
      }
    }
    await sink.writeEvents(events);
  };
  try {
    for await (const chunk of chunks) {
      if (chunk.usage) usage = chunk.usage;
      await writeEvents(transcoder.push(chunk));
    }
  } catch (error) {
    if (options.signal.aborted) return { usage, clientAborted: true };
    failure = errorToSend(error);
    await writeEvents(transcoder.fail(failure));
    return { usage, error: failure, clientAborted: false };
  }
  if (options.signal.aborted) return { usage, clientAborted: true };
  await writeEvents(transcoder.end());
  return { usage, clientAborted: false };
}
