import { z } from "zod";
import {
  redactedThinkingBlockSchema,
  textBlockSchema,
  thinkingBlockSchema,
  toolUseBlockSchema,
} from "./anthropic-blocks";

// What Anthropic answers on `POST /v1/messages`: the whole Message, its usage, error bodies and every stream
// event, parsed loosely from the same block definitions as the requests: a block, delta or event type, a
// stop reason or a value newer than this package passes, so an answer never fails for what it adds.

const mode = "loose";

/** Token usage of an answer or of `message_start`; every field may be absent or null. */
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

/** A content block of an answer, or the `content_block` of `content_block_start`. Unknown types pass. */
export const AnthropicResponseBlockSchema = z.union([
  textBlockSchema(mode),
  thinkingBlockSchema,
  redactedThinkingBlockSchema,
  toolUseBlockSchema(mode),
  z.looseObject({ type: z.string() }),
]);

/** `stop_details` of a refusal. */
export const AnthropicStopDetailsSchema = z.looseObject({
  type: z.string(),
  category: z.string().nullish(),
  explanation: z.string().nullish(),
});

/** A whole Messages answer (`type: "message"`). */
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

/** An error body: `{type: "error", error: {type, message}, request_id}`. */
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

export type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;
export type AnthropicResponseBlock = z.infer<typeof AnthropicResponseBlockSchema>;
export type AnthropicStopDetails = z.infer<typeof AnthropicStopDetailsSchema>;
export type AnthropicMessage = z.infer<typeof AnthropicMessageSchema>;
export type AnthropicErrorBody = z.infer<typeof AnthropicErrorBodySchema>;
export type AnthropicStreamEvent = z.infer<typeof AnthropicStreamEventSchema>;
export type ContentBlockDelta = z.infer<typeof ContentBlockDeltaSchema>;
