import { z } from "zod";

// Zod schemas of the Anthropic Messages API wire format (`POST /v1/messages`), request, response and every
// stream event, after the `@anthropic-ai/sdk` types (`src/resources/messages/messages.ts`). Every object is
// loose so fields this package does not know survive a parse.

/** `cache_control` on a block, tool or system entry: an ephemeral breakpoint with an optional `5m`/`1h` TTL. */
export const AnthropicCacheControlSchema = z.looseObject({
  type: z.literal("ephemeral"),
  ttl: z.string().optional(),
});

const cacheControl = { cache_control: AnthropicCacheControlSchema.nullish() };

/** `{type: "text"}` block, in requests and responses. */
export const AnthropicTextBlockSchema = z.looseObject({
  type: z.literal("text"),
  text: z.string(),
  citations: z.array(z.record(z.string(), z.unknown())).nullish(),
  ...cacheControl,
});

/** An image source: base64 bytes with a media type, a URL, or an uploaded file. */
export const AnthropicImageSourceSchema = z.union([
  z.looseObject({ type: z.literal("base64"), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal("url"), url: z.string() }),
  z.looseObject({ type: z.literal("file"), file_id: z.string() }),
]);

/** `{type: "image"}` request block. */
export const AnthropicImageBlockSchema = z.looseObject({
  type: z.literal("image"),
  source: AnthropicImageSourceSchema,
  ...cacheControl,
});

/** `{type: "document"}` request block (PDF or plain text). */
export const AnthropicDocumentBlockSchema = z.looseObject({
  type: z.literal("document"),
  source: z.looseObject({ type: z.string() }),
  title: z.string().nullish(),
  ...cacheControl,
});

/** `{type: "thinking"}` block: readable reasoning plus the signature that must travel back unchanged. */
export const AnthropicThinkingBlockSchema = z.looseObject({
  type: z.literal("thinking"),
  thinking: z.string(),
  signature: z.string(),
});

/** `{type: "redacted_thinking"}` block: encrypted reasoning, sent back unchanged. */
export const AnthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal("redacted_thinking"),
  data: z.string(),
});

/** `{type: "tool_use"}` block: a client tool call with its parsed JSON input. */
export const AnthropicToolUseBlockSchema = z.looseObject({
  type: z.literal("tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
  ...cacheControl,
});

/** `{type: "tool_result"}` request block answering one `tool_use`. */
export const AnthropicToolResultBlockSchema = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string(),
  content: z
    .union([z.string(), z.array(z.union([AnthropicTextBlockSchema, AnthropicImageBlockSchema]))])
    .optional(),
  is_error: z.boolean().optional(),
  ...cacheControl,
});

/** Any content block of a request message. */
export const AnthropicRequestBlockSchema = z.union([
  AnthropicTextBlockSchema,
  AnthropicImageBlockSchema,
  AnthropicDocumentBlockSchema,
  AnthropicThinkingBlockSchema,
  AnthropicRedactedThinkingBlockSchema,
  AnthropicToolUseBlockSchema,
  AnthropicToolResultBlockSchema,
]);

/** One turn of `messages`. */
export const AnthropicMessageParamSchema = z.looseObject({
  role: z.enum(["user", "assistant"]),
  content: z.union([z.string(), z.array(AnthropicRequestBlockSchema)]),
});

/** A client tool definition. */
export const AnthropicToolSchema = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  strict: z.boolean().optional(),
  ...cacheControl,
});

/** `tool_choice`: auto, any, one named tool, or none. */
export const AnthropicToolChoiceSchema = z.union([
  z.looseObject({ type: z.literal("auto"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal("any"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({
    type: z.literal("tool"),
    name: z.string(),
    disable_parallel_tool_use: z.boolean().optional(),
  }),
  z.looseObject({ type: z.literal("none") }),
]);

/** `thinking`: manual budget, adaptive, disabled, or Sonnet 5.5's `between_tools`. */
export const AnthropicThinkingConfigSchema = z.union([
  z.looseObject({ type: z.literal("enabled"), budget_tokens: z.number().int() }),
  z.looseObject({ type: z.literal("adaptive") }),
  z.looseObject({ type: z.literal("disabled") }),
  z.looseObject({ type: z.literal("between_tools") }),
]);

/** The effort levels of `output_config.effort`. */
export const AnthropicEffortSchema = z.enum(["low", "medium", "high", "xhigh", "max"]);

/** `output_config`: effort and the native structured-output format. */
export const AnthropicOutputConfigSchema = z.looseObject({
  effort: AnthropicEffortSchema.nullish(),
  format: z
    .looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) })
    .nullish(),
});

/** A `system` entry: a text block. */
export const AnthropicSystemBlockSchema = AnthropicTextBlockSchema;

/** The body of `POST /v1/messages`. */
export const AnthropicMessagesRequestSchema = z.looseObject({
  model: z.string(),
  max_tokens: z.number().int(),
  messages: z.array(AnthropicMessageParamSchema),
  system: z.union([z.string(), z.array(AnthropicSystemBlockSchema)]).optional(),
  stream: z.boolean().optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  top_k: z.number().int().optional(),
  tools: z.array(AnthropicToolSchema).optional(),
  tool_choice: AnthropicToolChoiceSchema.optional(),
  thinking: AnthropicThinkingConfigSchema.optional(),
  output_config: AnthropicOutputConfigSchema.optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  service_tier: z.string().optional(),
});

/** Token usage of a response or of `message_start`; every field but the first two may be absent or null. */
export const AnthropicUsageSchema = z.looseObject({
  input_tokens: z.number().int().nullish(),
  output_tokens: z.number().int().nullish(),
  cache_creation_input_tokens: z.number().int().nullish(),
  cache_read_input_tokens: z.number().int().nullish(),
  /** The cache writes by TTL: https://docs.claude.com/en/docs/build-with-claude/prompt-caching */
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: z.number().int().nullish(),
      ephemeral_1h_input_tokens: z.number().int().nullish(),
    })
    .nullish(),
  output_tokens_details: z.looseObject({ thinking_tokens: z.number().int().nullish() }).nullish(),
  server_tool_use: z.record(z.string(), z.unknown()).nullish(),
  service_tier: z.string().nullish(),
});

/** A content block of a response, or the `content_block` of `content_block_start`. Unknown types pass. */
export const AnthropicResponseBlockSchema = z.union([
  AnthropicTextBlockSchema,
  AnthropicThinkingBlockSchema,
  AnthropicRedactedThinkingBlockSchema,
  AnthropicToolUseBlockSchema,
  z.looseObject({ type: z.string() }),
]);

/** `stop_details` of a refusal. */
export const AnthropicStopDetailsSchema = z.looseObject({
  type: z.string(),
  category: z.string().nullish(),
  explanation: z.string().nullish(),
});

/** A non-streaming Messages response (`type: "message"`). */
export const AnthropicMessageSchema = z.looseObject({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(AnthropicResponseBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  stop_details: AnthropicStopDetailsSchema.nullish(),
  usage: AnthropicUsageSchema,
});

/** The error object of an error body or of an in-stream `error` event. */
export const AnthropicErrorObjectSchema = z.looseObject({
  type: z.string(),
  message: z.string(),
});

/** An error response body: `{type: "error", error: {type, message}, request_id}`. */
export const AnthropicErrorBodySchema = z.looseObject({
  type: z.literal("error"),
  error: AnthropicErrorObjectSchema,
  request_id: z.string().nullish(),
});

/** `message_start`: the message shell with its id, model and the input usage. */
export const MessageStartEventSchema = z.looseObject({
  type: z.literal("message_start"),
  message: z.looseObject({
    id: z.string(),
    model: z.string(),
    usage: AnthropicUsageSchema.nullish(),
  }),
});

/** `content_block_start`: a new block at `index`. */
export const ContentBlockStartEventSchema = z.looseObject({
  type: z.literal("content_block_start"),
  index: z.number().int(),
  content_block: AnthropicResponseBlockSchema,
});

/** The `delta` of `content_block_delta`: text, tool input JSON, thinking, signature, citation, or unknown. */
export const ContentBlockDeltaSchema = z.union([
  z.looseObject({ type: z.literal("text_delta"), text: z.string() }),
  z.looseObject({ type: z.literal("input_json_delta"), partial_json: z.string() }),
  z.looseObject({ type: z.literal("thinking_delta"), thinking: z.string() }),
  z.looseObject({ type: z.literal("signature_delta"), signature: z.string() }),
  z.looseObject({ type: z.literal("citations_delta"), citation: z.record(z.string(), z.unknown()) }),
  z.looseObject({ type: z.string() }),
]);

/** `content_block_delta`: a fragment of the block at `index`. */
export const ContentBlockDeltaEventSchema = z.looseObject({
  type: z.literal("content_block_delta"),
  index: z.number().int(),
  delta: ContentBlockDeltaSchema,
});

/** `content_block_stop`: the block at `index` is complete. */
export const ContentBlockStopEventSchema = z.looseObject({
  type: z.literal("content_block_stop"),
  index: z.number().int(),
});

/** `message_delta`: stop reason and cumulative usage. */
export const MessageDeltaEventSchema = z.looseObject({
  type: z.literal("message_delta"),
  delta: z.looseObject({
    stop_reason: z.string().nullish(),
    stop_sequence: z.string().nullish(),
    stop_details: AnthropicStopDetailsSchema.nullish(),
  }),
  usage: AnthropicUsageSchema.nullish(),
});

/** `message_stop`: the end of the message. */
export const MessageStopEventSchema = z.looseObject({ type: z.literal("message_stop") });

/** `ping`: keep-alive, carries nothing. */
export const PingEventSchema = z.looseObject({ type: z.literal("ping") });

/** `error`: a failure after HTTP 200, such as `overloaded_error`. */
export const ErrorEventSchema = z.looseObject({
  type: z.literal("error"),
  error: AnthropicErrorObjectSchema,
});

/** Every stream event this package understands. Other `type`s are unknown events. */
export const AnthropicStreamEventSchema = z.discriminatedUnion("type", [
  MessageStartEventSchema,
  ContentBlockStartEventSchema,
  ContentBlockDeltaEventSchema,
  ContentBlockStopEventSchema,
  MessageDeltaEventSchema,
  MessageStopEventSchema,
  PingEventSchema,
  ErrorEventSchema,
]);

export type AnthropicCacheControl = z.infer<typeof AnthropicCacheControlSchema>;
export type AnthropicTextBlock = z.infer<typeof AnthropicTextBlockSchema>;
export type AnthropicImageBlock = z.infer<typeof AnthropicImageBlockSchema>;
export type AnthropicDocumentBlock = z.infer<typeof AnthropicDocumentBlockSchema>;
export type AnthropicThinkingBlock = z.infer<typeof AnthropicThinkingBlockSchema>;
export type AnthropicRedactedThinkingBlock = z.infer<typeof AnthropicRedactedThinkingBlockSchema>;
export type AnthropicToolUseBlock = z.infer<typeof AnthropicToolUseBlockSchema>;
export type AnthropicToolResultBlock = z.infer<typeof AnthropicToolResultBlockSchema>;
export type AnthropicRequestBlock = z.infer<typeof AnthropicRequestBlockSchema>;
export type AnthropicMessageParam = z.infer<typeof AnthropicMessageParamSchema>;
export type AnthropicTool = z.infer<typeof AnthropicToolSchema>;
export type AnthropicToolChoice = z.infer<typeof AnthropicToolChoiceSchema>;
export type AnthropicThinkingConfig = z.infer<typeof AnthropicThinkingConfigSchema>;
export type AnthropicEffort = z.infer<typeof AnthropicEffortSchema>;
export type AnthropicOutputConfig = z.infer<typeof AnthropicOutputConfigSchema>;
export type AnthropicMessagesRequest = z.infer<typeof AnthropicMessagesRequestSchema>;
export type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;
export type AnthropicResponseBlock = z.infer<typeof AnthropicResponseBlockSchema>;
export type AnthropicStopDetails = z.infer<typeof AnthropicStopDetailsSchema>;
export type AnthropicMessage = z.infer<typeof AnthropicMessageSchema>;
export type AnthropicErrorBody = z.infer<typeof AnthropicErrorBodySchema>;
export type AnthropicStreamEvent = z.infer<typeof AnthropicStreamEventSchema>;
export type ContentBlockDelta = z.infer<typeof ContentBlockDeltaSchema>;
