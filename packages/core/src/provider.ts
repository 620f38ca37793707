import type { ChatCompletionChunk } from "./chat/chat-chunk";
import type { ChatCompletionRequest } from "./chat/chat-request";
import type { ChatCompletionResponse } from "./chat/chat-response";
import type { Warning } from "./gateway/warning";
import type { Clock, IdGenerator } from "./ids";
import type { HttpTransport } from "./transport";

/** The wire protocol a provider speaks upstream; open, so a new provider names its own without editing core. */
export type ProviderProtocol =
  | "openai-chat"
  | "openai-responses"
  | "anthropic-messages"
  | "gemini"
  | (string & {});

/**
 * A client protocol that a provider can serve natively (byte for byte) instead of through the Chat hub. The
 * reference server passes `/v1/responses` through as `openai-responses` and `/v1/messages` as
 * `anthropic-messages`; the type is open for servers and providers that add their own.
 */
export type NativeProtocol = "openai-responses" | "anthropic-messages" | (string & {});

/** What the catalog knows of the model being called; providers use it for per-model defaults. */
export interface ModelInfo {
  /** Canonical id, such as `claude-sonnet-4-6`. */
  canonicalId?: string;
  /** Largest `max_tokens` the model accepts; also the default where the upstream requires one. */
  maxOutputTokens?: number;
  contextWindow?: number;
  /** Whether the model reasons (OpenAI o-series, Claude with thinking, Gemini 2.5+, DeepSeek reasoner). */
  reasoning?: boolean;
  /** Whether the model is served only on the Responses API upstream (o3-pro, gpt-5.5-pro). */
  responsesOnly?: boolean;
  /** Whether the model returns token logprobs; a provider drops `logprobs` with a warning when not. */
  logprobs?: boolean;
}

/** Per-call inputs of a provider. The request's `model` is already the provider's model id. */
export interface ProviderCallOptions {
  /** The upstream API key for this call (the router picks one from the provider's key pool). */
  apiKey: string;
  /** Aborted when the client goes away or the router gives up; the upstream request is cancelled. */
  signal?: AbortSignal;
  model?: ModelInfo;
}

/** A non-streaming Chat answer and the warnings its translation produced. */
export interface ChatResult {
  response: ChatCompletionResponse;
  warnings: Warning[];
}

/**
 * A streaming Chat answer. The promise resolves once the upstream accepted the request (HTTP 200), so an
 * HTTP error rejects it and the router can still fail over. `chunks` throws a `GatewayError` on a mid-stream
 * failure. When the upstream reports usage, the last chunk has `choices: []` and `usage`.
 * `warnings` grows while the stream is read (unknown upstream events, for example).
 */
export interface ChatStreamResult {
  chunks: AsyncIterable<ChatCompletionChunk>;
  warnings: Warning[];
}

/** An upstream answer relayed byte for byte (native Responses passthrough). */
export interface PassthroughResult {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
}

/**
 * A provider: takes a Chat request (the hub format) and answers in Chat, translating to and from its own
 * protocol. HTTP errors are thrown as `GatewayError`s with `retryable` set.
 */
export interface Provider {
  /** Provider name as used in `provider/model` ids and `routing_metadata.provider`: `anthropic`, `google`, ... */
  readonly name: string;
  readonly protocol: ProviderProtocol;
  chat(request: ChatCompletionRequest, options: ProviderCallOptions): Promise<ChatResult>;
  streamChat(request: ChatCompletionRequest, options: ProviderCallOptions): Promise<ChatStreamResult>;
  /** The client protocols this provider serves natively, and where it counts input tokens exactly. */
  readonly native?: NativeEndpoints;
  /** What the provider can do beyond the Chat hub, asked by the router instead of the provider's name. */
  readonly capabilities?: ProviderCapabilities;
  /**
   * The models the upstream's own model list reports (`GET /v1/models` and the like), every page read.
   * Present on providers whose upstream has such a list; failures are `GatewayError`s.
   */
  listModels?(options: ProviderCallOptions): Promise<ListedModel[]>;
}

/**
 * A model an upstream's model list reports. Only `id` is always there; the rest is what the list says
 * (Anthropic's and Gemini's lists give limits and capabilities, vLLM's the context length).
 */
export interface ListedModel {
  /** The id the upstream takes in requests. */
  id: string;
  contextWindow?: number;
  maxOutputTokens?: number;
  vision?: boolean;
  reasoning?: boolean;
  jsonSchema?: boolean;
}

/**
 * Native passthrough of one protocol: the client's body (with the provider's model id, less the gateway
 * fields) goes upstream as sent and the answer, streamed or not, comes back untouched.
 */
export type NativePassthrough = (
  body: Record<string, unknown>,
  options: NativeCallOptions,
) => Promise<PassthroughResult>;

/** Exact input-token count of a body in one protocol, where the upstream offers a counting endpoint. */
export type NativeTokenCounter = (
  body: Record<string, unknown>,
  options: NativeCallOptions,
) => Promise<number>;

/** The native endpoints of a provider, by protocol. */
export interface NativeEndpoints {
  passthrough?: Partial<Record<NativeProtocol, NativePassthrough>>;
  countTokens?: Partial<Record<NativeProtocol, NativeTokenCounter>>;
}

/** Capabilities of a provider that decide routing. */
export interface ProviderCapabilities {
  /**
   * Serves models that exist only on its Responses API (`responsesOnly` in the catalog) on `chat` and
   * `streamChat` too, translating Chat to Responses itself.
   */
  chatForResponsesOnlyModels?: boolean;
}

/** The provider's native passthrough of `protocol`, or undefined when it has none. */
export function nativePassthrough(
  provider: Provider,
  protocol: NativeProtocol,
): NativePassthrough | undefined {
  return provider.native?.passthrough?.[protocol];
}

/** The provider's exact token counter for `protocol`, or undefined when it has none. */
export function nativeTokenCounter(
  provider: Provider,
  protocol: NativeProtocol,
): NativeTokenCounter | undefined {
  return provider.native?.countTokens?.[protocol];
}

/** Per-call inputs of a native passthrough call: the usual options plus client headers to forward. */
export interface NativeCallOptions extends ProviderCallOptions {
  /** Protocol headers from the client that the upstream should see (such as `anthropic-beta`). */
  headers?: Record<string, string>;
}

/** Options every provider factory (`createAnthropicProvider`, `createGoogleProvider`, ...) accepts. */
export interface ProviderOptions {
  /** The upstream base URL; each provider documents its default. */
  baseUrl?: string;
  /** The HTTP transport; `createFetchTransport()` when absent. */
  transport?: HttpTransport;
  /** Id generator for ids the upstream does not supply (tool call ids, response ids). */
  ids?: IdGenerator;
  clock?: Clock;
  /** Extra headers sent on every upstream request. */
  headers?: Record<string, string>;
  /**
   * Cap on a whole (non-streamed) upstream answer, in bytes; a larger answer fails with a retryable 502
   * `upstream_answer_too_large`. Default 32 MiB (`DEFAULT_MAX_ANSWER_BYTES` of `@switchyard/provider-utils`).
   */
  maxAnswerBytes?: number;
}
