import { z } from "zod";

// The Anthropic Messages wire format as a client sends it to /v1/messages, after the `@anthropic-ai/sdk`
// types (resources/messages/messages.ts). Objects are loose: fields this file does not name survive.

/** `cache_control` on a block, tool or system part. */
export const MessagesCacheControlSchema = z.looseObject({
  type: z.literal("ephemeral"),
  ttl: z.enum(["5m", "1h"]).optional(),
});

const cacheControl = { cache_control: MessagesCacheControlSchema.nullish() };

/** A `text` block. */
export const MessagesTextBlockSchema = z.looseObject({
  type: z.literal("text"),
  text: z.string(),
  ...cacheControl,
});

/** An `image` block: base64, URL or uploaded-file source. */
export const MessagesImageBlockSchema = z.looseObject({
  type: z.literal("image"),
  source: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("base64"), media_type: z.string(), data: z.string() }),
    z.looseObject({ type: z.literal("url"), url: z.string() }),
    z.looseObject({ type: z.literal("file"), file_id: z.string() }),
  ]),
  ...cacheControl,
});

/** A `document` block: base64 PDF, plain text, URL, inline content, or uploaded file. */
export const MessagesDocumentBlockSchema = z.looseObject({
  type: z.literal("document"),
  source: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("base64"), media_type: z.string(), data: z.string() }),
    z.looseObject({ type: z.literal("text"), media_type: z.string().optional(), data: z.string() }),
    z.looseObject({ type: z.literal("url"), url: z.string() }),
    z.looseObject({
      type: z.literal("content"),
      content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]),
    }),
    z.looseObject({ type: z.literal("file"), file_id: z.string() }),
  ]),
  title: z.string().nullish(),
  context: z.string().nullish(),
  ...cacheControl,
});

/** A `tool_use` block in assistant history. */
export const MessagesToolUseBlockSchema = z.looseObject({
  type: z.literal("tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
  ...cacheControl,
});

/** A `tool_result` block: string content or text, image and document blocks. */
export const MessagesToolResultBlockSchema = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string(),
  content: z
    .union([
      z.string(),
      z.array(
        z.discriminatedUnion("type", [
          MessagesTextBlockSchema,
          MessagesImageBlockSchema,
          MessagesDocumentBlockSchema,
        ]),
      ),
    ])
    .optional(),
  is_error: z.boolean().optional(),
  ...cacheControl,
});

/** A `thinking` block with its signature. */
export const MessagesThinkingBlockSchema = z.looseObject({
  type: z.literal("thinking"),
  thinking: z.string(),
  signature: z.string(),
});

/** A `redacted_thinking` block. */
export const MessagesRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal("redacted_thinking"),
  data: z.string(),
});

/** Server tool blocks and others this gateway cannot serve on another upstream, kept as sent. */
export const MessagesOtherBlockSchema = z.looseObject({
  type: z
    .string()
    .refine(
      (type) =>
        !["text", "image", "document", "tool_use", "tool_result", "thinking", "redacted_thinking"].includes(
          type,
        ),
      "a content block type",
    ),
});

/** Any content block of a message. */
export const MessagesContentBlockSchema = z.union([
  z.discriminatedUnion("type", [
    MessagesTextBlockSchema,
    MessagesImageBlockSchema,
    MessagesDocumentBlockSchema,
    MessagesToolUseBlockSchema,
    MessagesToolResultBlockSchema,
    MessagesThinkingBlockSchema,
    MessagesRedactedThinkingBlockSchema,
  ]),
  MessagesOtherBlockSchema,
]);

/** One message of `messages`. Newer API versions also accept `role: "system"` messages. */
export const MessagesMessageSchema = z.looseObject({
  role: z.enum(["user", "assistant", "system"]),
  content: z.union([z.string(), z.array(MessagesContentBlockSchema)]),
});

/** A custom (client) tool: `{name, description, input_schema}`; `type` absent or `custom`. */
export const MessagesCustomToolSchema = z.looseObject({
  type: z.literal("custom").nullish(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
  strict: z.boolean().optional(),
  ...cacheControl,
});

/** `tool_choice`. */
export const MessagesToolChoiceSchema = z.discriminatedUnion("type", [
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
export const MessagesThinkingConfigSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("enabled"), budget_tokens: z.number().int().min(1) }),
  z.looseObject({ type: z.literal("adaptive") }),
  z.looseObject({ type: z.literal("between_tools") }),
  z.looseObject({ type: z.literal("disabled") }),
]);

/** The body of `POST /v1/messages`. `gateway` and `extensions` are Switchyard's extensions, as on Chat. */
export const MessagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().min(1),
  messages: z.array(MessagesMessageSchema),
  system: z.union([z.string(), z.array(MessagesTextBlockSchema)]).optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  tools: z
    .array(z.union([MessagesCustomToolSchema, z.looseObject({ type: z.string(), name: z.string() })]))
    .optional(),
  tool_choice: MessagesToolChoiceSchema.optional(),
  thinking: MessagesThinkingConfigSchema.optional(),
  output_config: z
    .looseObject({
      effort: z.enum(["low", "medium", "high", "xhigh", "max"]).nullish(),
      format: z
        .looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) })
        .nullish(),
    })
    .optional(),
  service_tier: z.string().optional(),
});

/** The body of `POST /v1/messages/count_tokens`. */
export const MessagesCountTokensRequestSchema = MessagesRequestSchema.omit({ max_tokens: true }).extend({
  max_tokens: z.number().int().min(1).optional(),
});

export type MessagesCacheControl = z.infer<typeof MessagesCacheControlSchema>;
export type MessagesTextBlock = z.infer<typeof MessagesTextBlockSchema>;
export type MessagesImageBlock = z.infer<typeof MessagesImageBlockSchema>;
export type MessagesDocumentBlock = z.infer<typeof MessagesDocumentBlockSchema>;
export type MessagesToolUseBlock = z.infer<typeof MessagesToolUseBlockSchema>;
export type MessagesToolResultBlock = z.infer<typeof MessagesToolResultBlockSchema>;
export type MessagesThinkingBlock = z.infer<typeof MessagesThinkingBlockSchema>;
export type MessagesRedactedThinkingBlock = z.infer<typeof MessagesRedactedThinkingBlockSchema>;
export type MessagesContentBlock = z.infer<typeof MessagesContentBlockSchema>;
export type MessagesMessage = z.infer<typeof MessagesMessageSchema>;
export type MessagesCustomTool = z.infer<typeof MessagesCustomToolSchema>;
export type MessagesToolChoice = z.infer<typeof MessagesToolChoiceSchema>;
export type MessagesThinkingConfig = z.infer<typeof MessagesThinkingConfigSchema>;
/** A validated `/v1/messages` request. */
export type MessagesRequest = z.infer<typeof MessagesRequestSchema>;
export type MessagesCountTokensRequest = z.infer<typeof MessagesCountTokensRequestSchema>;
