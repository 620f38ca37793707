import type {
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatUsage,
  ModelInfo,
  ReasoningEffort,
  Translation,
} from "@switchyard/core";

/** The names of the built-in presets. */
export type PresetName =
  | "groq"
  | "together"
  | "fireworks"
  | "mistral"
  | "xai"
  | "vllm"
  | "ollama"
  | "llamacpp";

/** How a server's tool call ids must look: anything, or Mistral's exactly nine letters and digits. */
export type ToolCallIdRule = "any" | "nine-alphanumeric";

/**
 * How a streaming answer gets its usage: `include-usage` requests it with
 * `stream_options: {include_usage: true}`; `server-default` sends no `stream_options` (the server does not
 * document it, or reports usage unasked) and reads whatever usage the server sends.
 */
export type StreamUsageMode = "include-usage" | "server-default";

/** What a preset knows about the call being translated. */
export interface PresetRequestContext {
  /** The provider name, as used in warnings (`groq`, `deepseek`, ...). */
  providerName: string;
  /** The upstream model id. */
  model: string;
  /** What the catalog knows of the model. */
  modelInfo?: ModelInfo;
}

/**
 * The known quirks of one OpenAI-compatible server. Every field is documented where it is set, with a
 * link to the server's documentation. Adding a server is writing one of these.
 */
export interface OpenAICompatiblePreset {
  /** The preset's name, such as `groq`. */
  readonly name: string;
  /** The server's documented base URL (including `/v1` where the server puts it there). */
  readonly defaultBaseUrl?: string;
  /**
   * Top-level request fields the server accepts. Any other field is removed with a warning, so the
   * server never answers 400 for it. `model`, `messages` and `stream` are always kept. Absent: every field
   * is sent.
   */
  readonly supportedFields?: readonly string[];
  /** Fields the server rejects for one model only (xAI reasoning models reject `stop`). */
  unsupportedFieldsForModel?(context: PresetRequestContext): readonly string[];
  /** Per-message fields the server rejects (Groq rejects `messages[].name`). */
  readonly unsupportedMessageFields?: readonly string[];
  /** Whether the server knows the `developer` role; when false it is sent as `system`. */
  readonly acceptsDeveloperRole?: boolean;
  /** Request fields the server spells differently: `{seed: "random_seed"}`. */
  readonly renamedFields?: Readonly<Record<string, string>>;
  /** Whether `max_completion_tokens` must be sent as `max_tokens`. */
  readonly maxTokensOnly?: boolean;
  /** The `reasoning_effort` values the server accepts; others move to the nearest one, with a warning. */
  readonly reasoningEffortValues?: readonly ReasoningEffort[];
  /** How usage is obtained on streams. */
  readonly streamUsage: StreamUsageMode;
  /** The tool call id rule; ids that break it are rewritten and mapped back. */
  readonly toolCallIds: ToolCallIdRule;
  /**
   * Whether a named `tool_choice` (`{type: "function", function: {name}}`) is honoured. When false it is
   * sent as `tool_choice: "required"` with `tools` narrowed to the named tool, which means the same.
   */
  readonly acceptsNamedToolChoice?: boolean;
  /** The fields reasoning text arrives in, read into `reasoning_content` (documentation only). */
  readonly reasoningFields: readonly ("reasoning_content" | "reasoning")[];
  /** Whether assistant history keeps `reasoning_content` (set by `prepareRequest`); otherwise it is removed. */
  readonly sendsAssistantReasoning?: boolean;
  /** Headers sent on every request. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /** Whether the server works without an API key (local servers); then an empty key sends no header. */
  readonly apiKeyOptional?: boolean;
  /** Rewrites the Chat request before the generic translation (DeepSeek's thinking controls). */
  prepareRequest?(
    request: ChatCompletionRequest,
    context: PresetRequestContext,
  ): Translation<ChatCompletionRequest>;
  /** Brings a server's usage to OpenAI's meaning (cached tokens, reasoning tokens). */
  adaptUsage?(usage: ChatUsage): ChatUsage;
  /** Adjusts a normalised non-streaming answer; may throw a `GatewayError`. */
  finishResponse?(response: ChatCompletionResponse): Translation<ChatCompletionResponse>;
  /** Adjusts one normalised stream chunk. */
  finishChunk?(chunk: ChatCompletionChunk): Translation<ChatCompletionChunk>;
}

/**
 * The preset of a server nothing is known about: every field is sent, usage is requested on streams, ids
 * are left alone and reasoning is read from both field names.
 */
export const genericPreset: OpenAICompatiblePreset = {
  name: "openai-compatible",
  acceptsDeveloperRole: true,
  streamUsage: "include-usage",
  toolCallIds: "any",
  reasoningFields: ["reasoning_content", "reasoning"],
};

/** Defines a preset; an identity function that keeps the literal type checked. */
export function definePreset(preset: OpenAICompatiblePreset): OpenAICompatiblePreset {
  return preset;
}

/** The sampling and output fields of OpenAI's Chat Completions request that most servers share. */
export const COMMON_CHAT_FIELDS = [
  "model",
  "messages",
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "stop",
  "max_tokens",
  "presence_penalty",
  "frequency_penalty",
  "seed",
  "tools",
  "tool_choice",
  "response_format",
] as const;
