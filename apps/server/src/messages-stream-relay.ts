import {
  type ChatToMessagesTranscoder,
  encodeMessagesEvent,
  toMessagesError,
} from "@switchyard/chat-messages";
import { type ChatCompletionChunk, type ChatUsage, encodeJsonSseFrame, GatewayError } from "@switchyard/core";
import { errorToSend } from "./http-errors";
import { completeFramesLength, observeNativeMessagesStream } from "./messages-native";
import type { SseWriter } from "./sse-writer";

/** How a relayed Messages stream ended. */
export interface MessagesRelayResult {
  usage: ChatUsage | null;
  /** Set when the stream ended in an `error` event. */
  error?: GatewayError;
  clientAborted: boolean;
}

/** What both Messages relays need. */
export interface MessagesRelayOptions {
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** Called once when the stream ends, to complete the routing (health, cost, log). */
  complete(usage: ChatUsage | null, failed: boolean): void;
}

/** Anthropic's `error` stream event for a failure. */
const errorFrame = (error: GatewayError): string => encodeJsonSseFrame(toMessagesError(error).body, "error");

const truncated = (what: string): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_stream_truncated",
    message: `The upstream closed the ${what} before it finished.`,
    retryable: false,
  });

/**
 * Relays a native Messages stream byte for byte: whole SSE frames are written as the upstream sent them
 * (unknown event types, signatures and all), never re-encoded. A copy of the bytes is parsed only to learn
 * the usage. A transport failure, or an upstream that closes before `message_stop`, ends the stream with an
 * Anthropic `error` event (a partial frame is dropped, never written). The caller ends the response.
 */
export async function relayNativeMessagesStream(
  writer: SseWriter,
  bytes: AsyncIterable<Uint8Array>,
  provider: string,
  options: MessagesRelayOptions,
): Promise<MessagesRelayResult> {
  const observer = observeNativeMessagesStream(provider);
  let pending: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of bytes) {
      observer.push(chunk);
      pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      const length = completeFramesLength(pending);
      if (length === 0) continue;
      const frames = pending.subarray(0, length);
      pending = pending.subarray(length);
      await writer.write(frames);
    }
    if (options.signal.aborted) return { usage: observer.usage(), clientAborted: true };
    const finishedBefore = observer.finished;
    observer.end();
    // A last `message_stop` without its blank line still ends the answer: it is sent with one, so the
    // client's parser dispatches it. Any other unterminated rest is a cut frame and is dropped.
    if (!finishedBefore && observer.finished && pending.length > 0)
      await writer.write(Buffer.concat([pending, Buffer.from("\n\n")]));
    if (!observer.finished && observer.upstreamError === undefined) throw truncated("Messages stream");
  } catch (error) {
    if (options.signal.aborted) return { usage: observer.usage(), clientAborted: true };
    const failure = errorToSend(error);
    options.complete(observer.usage(), true);
    await writer.write(errorFrame(failure));
    return { usage: observer.usage(), error: failure, clientAborted: false };
  }
  const failure = observer.upstreamError;
  options.complete(observer.usage(), failure !== undefined);
  return {
    usage: observer.usage(),
    ...(failure === undefined ? {} : { error: failure }),
    clientAborted: false,
  };
}

const IDLE = Symbol("idle");

/** Resolves with `pending`, or with `IDLE` when it takes longer than `ms`. */
function withinIdle<T>(pending: Promise<T>, ms: number): Promise<T | typeof IDLE> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => {
    timer = setTimeout(resolve, ms, IDLE);
  });
  return Promise.race([pending, idle]).finally(() => clearTimeout(timer));
}

/**
 * Transcodes a Chat stream into Messages events and writes them, one frame per event. When the upstream is
 * silent for `pingIntervalMs`, a `ping` event keeps the connection alive. A mid-stream failure, or an
 * upstream that closes before its finish reason, ends the stream with an `error` event. The caller ends the
 * response.
 */
export async function relayTranscodedMessagesStream(
  writer: SseWriter,
  chunks: AsyncIterable<ChatCompletionChunk>,
  transcoder: ChatToMessagesTranscoder,
  options: MessagesRelayOptions & { pingIntervalMs: number },
): Promise<MessagesRelayResult> {
  let usage: ChatUsage | null = null;
  const write = async (events: ReturnType<ChatToMessagesTranscoder["push"]>) => {
    // One write per upstream chunk's events, each frame whole (as the Responses relay does).
    if (events.length > 0) await writer.write(events.map(encodeMessagesEvent).join(""));
  };
  const iterator = chunks[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<ChatCompletionChunk>> | undefined;
  try {
    for (;;) {
      if (pending === undefined) {
        pending = iterator.next();
        // Also handled here, so a rejection after the client left is never an unhandled one.
        pending.catch(() => {});
      }
      const next = await withinIdle(pending, options.pingIntervalMs);
      if (options.signal.aborted) break;
      if (next === IDLE) {
        await write(transcoder.ping());
        continue;
      }
      pending = undefined;
      if (next.done) break;
      if (next.value.usage) usage = next.value.usage;
      await write(transcoder.push(next.value));
    }
  } catch (error) {
    if (options.signal.aborted) return { usage, clientAborted: true };
    const failure = errorToSend(error);
    options.complete(usage, true);
    await write(transcoder.fail(failure));
    return { usage, error: failure, clientAborted: false };
  }
  if (options.signal.aborted) {
    // The upstream request is aborted with the client's signal; this releases the iterator as well.
    iterator.return?.().catch(() => {});
    return { usage, clientAborted: true };
  }
  const events = transcoder.end();
  const failed = events.some((event) => event.type === "error");
  options.complete(usage, failed);
  await write(events);
  return { usage, ...(failed ? { error: truncated("stream") } : {}), clientAborted: false };
}
