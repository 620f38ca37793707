import { z } from "zod";
import { RoutingMetadataSchema } from "../gateway/routing-metadata";
import { ResponseOutputItemSchema } from "./responses-items";
import { ResponsesReasoningConfigSchema, ResponsesTextConfigSchema } from "./responses-request";

/** Token usage of a Response. */
export const ResponseUsageSchema = z.looseObject({
  input_tokens: z.number().int(),
  input_tokens_details: z.looseObject({ cached_tokens: z.number().int() }),
  output_tokens: z.number().int(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().int() }),
  total_tokens: z.number().int(),
});

/** `status` of a Response. */
export const ResponseStatusSchema = z.enum([
  "completed",
  "failed",
  "in_progress",
  "cancelled",
  "queued",
  "incomplete",
]);

/** `error` of a failed Response. */
export const ResponseErrorSchema = z.looseObject({ code: z.string(), message: z.string() });

/**
 * The Response object. Parsing is lenient (upstream `response.created` events carry a subset); the
 * translators always produce every field, see `RESPONSE_OBJECT_FIELDS`.
 */
export const ResponseObjectSchema = z.looseObject({
  id: z.string(),
  object: z.literal("response"),
  created_at: z.number(),
  status: ResponseStatusSchema,
  model: z.string(),
  output: z.array(ResponseOutputItemSchema),
  output_text: z.string().optional(),
  error: ResponseErrorSchema.nullish(),
  incomplete_details: z.looseObject({ reason: z.string().optional() }).nullish(),
  instructions: z.union([z.string(), z.array(z.unknown())]).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  parallel_tool_calls: z.boolean().optional(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  top_logprobs: z.number().int().nullish(),
  frequency_penalty: z.number().nullish(),
  presence_penalty: z.number().nullish(),
  tool_choice: z.unknown().optional(),
  tools: z.array(z.unknown()).optional(),
  max_output_tokens: z.number().int().nullish(),
  max_tool_calls: z.number().int().nullish(),
  previous_response_id: z.string().nullish(),
  conversation: z.looseObject({ id: z.string() }).nullish(),
  prompt: z.unknown().optional(),
  prompt_cache_key: z.string().nullish(),
  prompt_cache_retention: z.string().nullish(),
  reasoning: ResponsesReasoningConfigSchema.nullish(),
  safety_identifier: z.string().nullish(),
  service_tier: z.string().nullish(),
  text: ResponsesTextConfigSchema.optional(),
  truncation: z.string().nullish(),
  user: z.string().nullish(),
  store: z.boolean().optional(),
  background: z.boolean().nullish(),
  completed_at: z.number().nullish(),
  usage: ResponseUsageSchema.nullish(),
  routing_metadata: RoutingMetadataSchema.optional(),
});

/**
 * Every field of the public Response object. A Response the gateway builds carries each of them
 * (null where unset), because strict clients validate the full object.
 */
export const RESPONSE_OBJECT_FIELDS = [
  "id",
  "object",
  "created_at",
  "status",
  "background",
  "completed_at",
  "conversation",
  "error",
  "incomplete_details",
  "instructions",
  "max_output_tokens",
  "max_tool_calls",
  "metadata",
  "model",
  "output",
  "output_text",
  "parallel_tool_calls",
  "previous_response_id",
  "prompt",
  "prompt_cache_key",
  "prompt_cache_retention",
  "reasoning",
  "safety_identifier",
  "service_tier",
  "store",
  "temperature",
  "text",
  "tool_choice",
  "tools",
  "top_logprobs",
  "top_p",
  "frequency_penalty",
  "presence_penalty",
  "truncation",
  "usage",
  "user",
] as const;

export type ResponseUsage = z.infer<typeof ResponseUsageSchema>;
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;
export type ResponseError = z.infer<typeof ResponseErrorSchema>;
/** A Response object. */
export type ResponseObject = z.infer<typeof ResponseObjectSchema>;
