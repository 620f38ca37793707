import {
  AnthropicMessageSchema,
  type AnthropicUsage,
  AnthropicUsageSchema,
  ErrorEventSchema,
  MessageDeltaEventSchema,
  MessageStartEventSchema,
  MessageStopEventSchema,
} from "@switchyard/anthropic-api";
import {
  type ChatUsage,
  createSseParser,
  GatewayError,
  type NativeCallOptions,
  type NativePassthrough,
  nativePassthrough,
  type PassthroughResult,
  type Provider,
} from "@switchyard/core";
import {
  anthropicStreamError,
  anthropicUsageToChat,
  mergeAnthropicUsage,
} from "@switchyard/provider-anthropic";
import { z } from "zod";
import { malformedNativeAnswer, passthroughError, pickHeaders, readNativeAnswer } from "./native-passthrough";
import { type PrimedStream, primeStream } from "./primed-stream";
import type { StreamGuard } from "./stream-guard";

/** A whole native Messages answer: the upstream's bytes, relayed as they are. */
export interface NativeMessagesAnswer {
  kind: "native";
  headers: Record<string, string>;
  body: Buffer;
  usage: ChatUsage | null;
}

/** A native Messages stream whose first bytes have arrived. */
export interface NativeMessagesStream {
  kind: "native-stream";
  headers: Record<string, string>;
  bytes: PrimedStream<Uint8Array>;
}

/** Upstream headers worth relaying on a native Messages answer: Anthropic's request id and rate limits. */
export const relayableAnthropicHeaders = (headers: Record<string, string>): Record<string, string> =>
  pickHeaders(headers, (name) => name === "request-id" || name.startsWith("anthropic-ratelimit-"));

/** The usage of a whole Messages answer, for the cost; the body itself is relayed unparsed. */
function usageOfMessage(body: Buffer, provider: string): ChatUsage | null {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw malformedNativeAnswer(provider, "Messages", "the body is not JSON");
  }
  const message = MessageUsageSchema.safeParse(json);
  if (!message.success) throw malformedNativeAnswer(provider, "Messages", "the body is not a Message");
  return message.data.usage ? anthropicUsageToChat(message.data.usage) : null;
}

/** The part of a whole Message the cost needs, from the one Message schema: its type and its usage. */
const MessageUsageSchema = AnthropicMessageSchema.pick({ type: true }).extend({
  usage: AnthropicMessageSchema.shape.usage.nullish(),
});

/** What a native Messages attempt needs from the server: its clock and the cap on a whole answer. */
export interface NativeMessagesLimits {
  clock: () => number;
  maxAnswerBytes: number;
  /** The stream guard (idle limit, shutdown) of a started stream. */
  guard?: StreamGuard;
}

/** The provider's native Messages endpoint; only called for targets that serve Messages natively. */
function requireNativeMessages(provider: Provider): NativePassthrough {
  const passthrough = nativePassthrough(provider, "anthropic-messages");
  if (passthrough === undefined) throw new Error(`${provider.name} has no native Messages endpoint`);
  return passthrough;
}

/**
 * Calls the provider's native Messages endpoint. A whole answer is read inside the attempt, under the answer
 * cap, a stream up to its first bytes, so an upstream that fails before answering (or resets or stalls
 * inside a whole answer) still fails over.
 */
export async function callNativeMessages(
  provider: Provider,
  body: Record<string, unknown>,
  options: NativeCallOptions,
  stream: boolean,
  limits: NativeMessagesLimits,
): Promise<NativeMessagesAnswer | NativeMessagesStream> {
  const result: PassthroughResult = await requireNativeMessages(provider)(body, options);
  // The provider throws for HTTP errors itself; this guards one that hands the status back.
  if (result.status >= 400) throw await passthroughError(result, provider.name);
  const headers = relayableAnthropicHeaders(result.headers);
  if (!stream) {
    const read = await readNativeAnswer(result, provider.name, limits.maxAnswerBytes, options.signal);
    const bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    return { kind: "native", headers, body: bytes, usage: usageOfMessage(bytes, provider.name) };
  }
  const bytes = await primeStream(result.body, limits.clock, limits.guard);
  // Anthropic can answer 200 and then send `error` (`overloaded_error`) as the stream's first event. Caught
  // here, inside the attempt, it fails over like a 529 would, instead of reaching the client as the answer.
  const leading = bytes.first === undefined ? undefined : leadingErrorEvent(bytes.first, provider.name);
  if (leading !== undefined) {
    await bytes.close();
    throw leading;
  }
  return { kind: "native-stream", headers, bytes };
}

/** The upstream's `error` event, when it is the first complete event of a stream's first bytes. */
export function leadingErrorEvent(bytes: Uint8Array, provider: string): GatewayError | undefined {
  const [first] = createSseParser().push(bytes.subarray(0, completeFramesLength(bytes)));
  const event = first === undefined ? undefined : parseEvent(first.data);
  return event?.type === "error" ? errorOfEvent(event, provider) : undefined;
}

/** An event's data as one of the Messages stream events this module reads; undefined for anything else. */
function parseEvent(data: string): MessagesReadEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  // Only the few events that carry usage or an error are validated; the rest are relayed unread.
  const type = typeof json === "object" && json !== null ? Reflect.get(json, "type") : undefined;
  if (type !== "message_start" && type !== "message_delta" && type !== "message_stop" && type !== "error")
    return undefined;
  const parsed = MessagesReadEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // An `error` event without a readable error object is still the upstream failing.
  return type === "error"
    ? { type, error: { type: "api_error", message: "The upstream reported an error mid-stream." } }
    : undefined;
}

/**
 * The Messages stream events the native relay reads, from the one set of Anthropic schemas; of the message
 * shell in `message_start` only the usage is needed, so nothing else of it is required.
 */
const MessagesReadEventSchema = z.discriminatedUnion("type", [
  MessageStartEventSchema.extend({ message: z.looseObject({ usage: AnthropicUsageSchema.nullish() }) }),
  MessageDeltaEventSchema,
  MessageStopEventSchema,
  ErrorEventSchema,
]);
type MessagesReadEvent = z.infer<typeof MessagesReadEventSchema>;

/** The `GatewayError` of an Anthropic `error` event (`overloaded_error` as a retryable 529). */
function errorOfEvent(event: Extract<MessagesReadEvent, { type: "error" }>, provider: string): GatewayError {
  const mapped = anthropicStreamError(event.error);
  return new GatewayError({
    status: mapped.status,
    type: mapped.type,
    code: mapped.code,
    message: mapped.message,
    retryable: mapped.retryable,
    provider,
  });
}

const LF = 0x0a;
const CR = 0x0d;

/** The length of the leading complete SSE frames in `bytes` (up to the last blank line), 0 when none. */
export function completeFramesLength(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index > 0; index--) {
    if (bytes[index] !== LF) continue;
    if (bytes[index - 1] === LF) return index + 1;
    if (index >= 3 && bytes[index - 1] === CR && bytes[index - 2] === LF && bytes[index - 3] === CR)
      return index + 1;
  }
  return 0;
}

/** What the native relay learns from the events it passes on, without changing a byte of them. */
export interface NativeStreamObserver {
  /** Feeds relayed bytes. */
  push(bytes: Uint8Array): void;
  /** Ends the input, completing an event the upstream did not terminate with a blank line. */
  end(): void;
  /** Usage so far (`message_start` merged with `message_delta`), as Chat usage. */
  usage(): ChatUsage | null;
  /** Whether `message_stop` arrived. */
  readonly finished: boolean;
  /** The upstream's own `error` event, when it sent one. */
  readonly upstreamError: GatewayError | undefined;
}

/** Creates an observer of a native Messages stream: usage for the cost, and how the stream ended. */
export function observeNativeMessagesStream(provider: string): NativeStreamObserver {
  const parser = createSseParser();
  let usage: AnthropicUsage | undefined;
  let finished = false;
  let upstreamError: GatewayError | undefined;
  const onEvent = (data: string) => {
    const event = parseEvent(data);
    if (event === undefined) return;
    if (event.type === "message_start") usage = mergeAnthropicUsage(usage, event.message.usage ?? undefined);
    else if (event.type === "message_delta") usage = mergeAnthropicUsage(usage, event.usage ?? undefined);
    else if (event.type === "message_stop") finished = true;
    else if (event.type === "error") upstreamError = errorOfEvent(event, provider);
  };
  return {
    push(bytes) {
      for (const event of parser.push(bytes)) onEvent(event.data);
    },
    end() {
      for (const event of parser.end()) onEvent(event.data);
    },
    usage: () => (usage === undefined ? null : anthropicUsageToChat(usage)),
    get finished() {
      return finished;
    },
    get upstreamError() {
      return upstreamError;
    },
  };
}
