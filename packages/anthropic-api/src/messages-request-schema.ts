import { z } from "zod";
import {
  cacheControlSchema,
  documentBlockSchema,
  documentSourceSchema,
  imageBlockSchema,
  oneOfValues,
  otherBlockSchema,
  redactedThinkingBlockSchema,
  searchResultBlockSchema,
  textBlockSchema,
  thinkingBlockSchema,
  toolReferenceBlockSchema,
  toolResultBlockSchema,
  toolUseBlockSchema,
} from "./anthropic-blocks";

// The body of `POST /v1/messages` (`MessageCreateParams`) and of `/v1/messages/count_tokens`, parsed
// strictly: what a client sends the gateway, and what the Anthropic provider builds. Objects stay loose, so
// fields newer than this package reach a native upstream untouched.

const mode = "strict";

/** `cache_control` on a block, tool or system entry. */
export const AnthropicCacheControlSchema = cacheControlSchema(mode);
/** `{type: "text"}` block. */
export const AnthropicTextBlockSchema = textBlockSchema(mode);
/** `{type: "image"}` block. */
export const AnthropicImageBlockSchema = imageBlockSchema(mode);
/** A document's source: base64 PDF, plain text, inline content, PDF URL or uploaded file. */
export const AnthropicDocumentSourceSchema = documentSourceSchema(mode);
/** `{type: "document"}` block. */
export const AnthropicDocumentBlockSchema = documentBlockSchema(mode);
/** `{type: "search_result"}` block. */
export const AnthropicSearchResultBlockSchema = searchResultBlockSchema(mode);
/** `{type: "tool_reference"}` block (inside a tool result). */
export const AnthropicToolReferenceBlockSchema = toolReferenceBlockSchema(mode);
/** `{type: "tool_use"}` block in assistant history. */
export const AnthropicToolUseBlockSchema = toolUseBlockSchema(mode);
/** `{type: "tool_result"}` block answering one `tool_use`. */
export const AnthropicToolResultBlockSchema = toolResultBlockSchema(mode);
/** `{type: "thinking"}` block. */
export const AnthropicThinkingBlockSchema = thinkingBlockSchema;
/** `{type: "redacted_thinking"}` block. */
export const AnthropicRedactedThinkingBlockSchema = redactedThinkingBlockSchema;
/** A block of a type this package does not model (server tool blocks, newer kinds), kept as sent. */
export const AnthropicOtherBlockSchema = otherBlockSchema;

/** Any content block of a request message: the modelled kinds, checked, or another kind, kept as sent. */
export const AnthropicRequestBlockSchema = z.union([
  z.discriminatedUnion("type", [
    AnthropicTextBlockSchema,
    AnthropicImageBlockSchema,
    AnthropicDocumentBlockSchema,
    AnthropicSearchResultBlockSchema,
    AnthropicToolUseBlockSchema,
    AnthropicToolResultBlockSchema,
    AnthropicThinkingBlockSchema,
    AnthropicRedactedThinkingBlockSchema,
  ]),
  AnthropicOtherBlockSchema,
]);

/** One message of `messages` (`MessageParam`, or `SystemMessageParam` with `role: "system"`). */
export const AnthropicMessageParamSchema = z.looseObject({
  role: z.enum(["user", "assistant", "system"]),
  content: z.union([z.string(), z.array(AnthropicRequestBlockSchema)]),
});

/** A custom (client) tool: `{name, description, input_schema}`; `type` absent or `custom`. */
export const AnthropicToolSchema = z.looseObject({
  type: z.literal("custom").nullish(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  strict: z.boolean().optional(),
  cache_control: AnthropicCacheControlSchema.nullish(),
});

/** A server tool (`web_search_20250305`, `code_execution_...`): its versioned type and name, the rest as sent. */
export const AnthropicServerToolSchema = z.looseObject({ type: z.string(), name: z.string() });

/** `tool_choice`: auto, any, one named tool, or none. */
export const AnthropicToolChoiceSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("auto"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({ type: z.literal("any"), disable_parallel_tool_use: z.boolean().optional() }),
  z.looseObject({
    type: z.literal("tool"),
    name: z.string(),
    disable_parallel_tool_use: z.boolean().optional(),
  }),
  z.looseObject({ type: z.literal("none") }),
]);

/** `thinking`: enabled with a budget, adaptive, between tools, or disabled. */
export const AnthropicThinkingConfigSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("enabled"), budget_tokens: z.number().int().min(1) }),
  z.looseObject({ type: z.literal("adaptive") }),
  z.looseObject({ type: z.literal("between_tools") }),
  z.looseObject({ type: z.literal("disabled") }),
]);

/** The effort levels of `output_config.effort`. */
export const AnthropicEffortSchema = oneOfValues(mode, ["low", "medium", "high", "xhigh", "max"]);

/** `output_config`: effort and the native structured-output format. */
export const AnthropicOutputConfigSchema = z.looseObject({
  effort: AnthropicEffortSchema.nullish(),
  format: z
    .looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) })
    .nullish(),
});

/** A `system` entry: a text block. */
export const AnthropicSystemBlockSchema = AnthropicTextBlockSchema;

/** The fields every Messages body has, whoever serves it: what a native passthrough checks and no more. */
export const AnthropicMessagesEnvelopeShape = {
  model: z.string().min(1),
  max_tokens: z.number().int().min(1),
  stream: z.boolean().optional(),
};

/** The body of `POST /v1/messages`. */
export const AnthropicMessagesRequestSchema = z.looseObject({
  ...AnthropicMessagesEnvelopeShape,
  messages: z.array(AnthropicMessageParamSchema),
  system: z.union([z.string(), z.array(AnthropicSystemBlockSchema)]).optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  tools: z.array(z.union([AnthropicToolSchema, AnthropicServerToolSchema])).optional(),
  tool_choice: AnthropicToolChoiceSchema.optional(),
  thinking: AnthropicThinkingConfigSchema.optional(),
  output_config: AnthropicOutputConfigSchema.optional(),
  service_tier: z.string().optional(),
});

/** The body of `POST /v1/messages/count_tokens`: a Messages body whose `max_tokens` may be left out. */
export const AnthropicCountTokensRequestSchema = AnthropicMessagesRequestSchema.extend({
  max_tokens: AnthropicMessagesEnvelopeShape.max_tokens.optional(),
});

export type AnthropicCacheControl = z.infer<typeof AnthropicCacheControlSchema>;
export type AnthropicTextBlock = z.infer<typeof AnthropicTextBlockSchema>;
export type AnthropicImageBlock = z.infer<typeof AnthropicImageBlockSchema>;
export type AnthropicDocumentSource = z.infer<typeof AnthropicDocumentSourceSchema>;
export type AnthropicDocumentBlock = z.infer<typeof AnthropicDocumentBlockSchema>;
export type AnthropicSearchResultBlock = z.infer<typeof AnthropicSearchResultBlockSchema>;
export type AnthropicToolReferenceBlock = z.infer<typeof AnthropicToolReferenceBlockSchema>;
export type AnthropicToolUseBlock = z.infer<typeof AnthropicToolUseBlockSchema>;
export type AnthropicToolResultBlock = z.infer<typeof AnthropicToolResultBlockSchema>;
export type AnthropicThinkingBlock = z.infer<typeof AnthropicThinkingBlockSchema>;
export type AnthropicRedactedThinkingBlock = z.infer<typeof AnthropicRedactedThinkingBlockSchema>;
export type AnthropicOtherBlock = z.infer<typeof AnthropicOtherBlockSchema>;
export type AnthropicRequestBlock = z.infer<typeof AnthropicRequestBlockSchema>;
export type AnthropicMessageParam = z.infer<typeof AnthropicMessageParamSchema>;
export type AnthropicTool = z.infer<typeof AnthropicToolSchema>;
export type AnthropicServerTool = z.infer<typeof AnthropicServerToolSchema>;
export type AnthropicToolChoice = z.infer<typeof AnthropicToolChoiceSchema>;
export type AnthropicThinkingConfig = z.infer<typeof AnthropicThinkingConfigSchema>;
export type AnthropicEffort = z.infer<typeof AnthropicEffortSchema>;
export type AnthropicOutputConfig = z.infer<typeof AnthropicOutputConfigSchema>;
/** A validated `/v1/messages` body. */
export type AnthropicMessagesRequest = z.infer<typeof AnthropicMessagesRequestSchema>;
export type AnthropicCountTokensRequest = z.infer<typeof AnthropicCountTokensRequestSchema>;
