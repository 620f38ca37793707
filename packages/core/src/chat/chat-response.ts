import { z } from "zod";
import { RoutingMetadataSchema } from "../gateway/routing-metadata";
import { ChatToolCallSchema } from "./chat-messages";
import { ReasoningDetailSchema } from "./reasoning-details";

/** The finish reasons OpenAI defines. Upstreams may send others (DeepSeek's `insufficient_system_resource`). */
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

/** Token usage. `prompt_tokens` includes cached and cache-written tokens. */
export const ChatUsageSchema = z.looseObject({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  prompt_tokens_details: z
    .looseObject({
      cached_tokens: z.number().int().nullish(),
      /** Extension: tokens written to the provider's prompt cache (Anthropic cache_creation_input_tokens). */
      cache_write_tokens: z.number().int().nullish(),
      /** Extension: the part of `cache_write_tokens` written with the 1-hour TTL (Anthropic). */
      cache_write_1h_tokens: z.number().int().nullish(),
      audio_tokens: z.number().int().nullish(),
    })
    .nullish(),
  completion_tokens_details: z
    .looseObject({
      reasoning_tokens: z.number().int().nullish(),
      audio_tokens: z.number().int().nullish(),
      accepted_prediction_tokens: z.number().int().nullish(),
      rejected_prediction_tokens: z.number().int().nullish(),
    })
    .nullish(),
  /** Extension: server-side tool calls the provider bills per request (Anthropic `usage.server_tool_use`). */
  server_tool_use: z
    .looseObject({
      web_search_requests: z.number().int().nullish(),
      web_fetch_requests: z.number().int().nullish(),
    })
    .nullish(),
});

/** One token's log probability with its alternatives. */
export const ChatTokenLogprobSchema = z.looseObject({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number().int()).nullable(),
  top_logprobs: z.array(
    z.looseObject({ token: z.string(), logprob: z.number(), bytes: z.array(z.number().int()).nullable() }),
  ),
});

/** `choices[].logprobs`. */
export const ChatLogprobsSchema = z.looseObject({
  content: z.array(ChatTokenLogprobSchema).nullable(),
  refusal: z.array(ChatTokenLogprobSchema).nullish(),
});

/** A URL citation annotation on assistant text. */
export const ChatAnnotationSchema = z.looseObject({
  type: z.string(),
  url_citation: z
    .looseObject({ url: z.string(), title: z.string(), start_index: z.number(), end_index: z.number() })
    .optional(),
});

/** The assistant message of a completion, with the reasoning extensions. */
export const ChatResponseMessageSchema = z.looseObject({
  role: z.literal("assistant"),
  // OpenAI always sends `content`; some compatible servers (Groq) omit it on tool-call-only answers.
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(ChatToolCallSchema).nullish(),
  annotations: z.array(ChatAnnotationSchema).nullish(),
  audio: z.unknown().optional(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_details: z.array(ReasoningDetailSchema).nullish(),
});

/** One choice of a completion. */
export const ChatChoiceSchema = z.looseObject({
  index: z.number().int(),
  message: ChatResponseMessageSchema,
  logprobs: ChatLogprobsSchema.nullish(),
  finish_reason: z.string().nullable(),
});

/** The body of a non-streaming Chat Completions answer, with `routing_metadata`. */
export const ChatCompletionResponseSchema = z.looseObject({
  id: z.string(),
  object: z.literal("chat.completion"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(ChatChoiceSchema),
  usage: ChatUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
  routing_metadata: RoutingMetadataSchema.optional(),
});

export type ChatUsage = z.infer<typeof ChatUsageSchema>;
export type ChatTokenLogprob = z.infer<typeof ChatTokenLogprobSchema>;
export type ChatLogprobs = z.infer<typeof ChatLogprobsSchema>;
export type ChatAnnotation = z.infer<typeof ChatAnnotationSchema>;
export type ChatResponseMessage = z.infer<typeof ChatResponseMessageSchema>;
export type ChatChoice = z.infer<typeof ChatChoiceSchema>;
/** A non-streaming Chat Completions answer. */
export type ChatCompletionResponse = z.infer<typeof ChatCompletionResponseSchema>;
