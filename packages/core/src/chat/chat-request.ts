import { z } from "zod";
import {
  GatewayOptionsSchema,
  GatewayRoutingSchema,
  ProviderExtensionsSchema,
} from "../gateway/gateway-options";
import { ChatMessageSchema } from "./chat-messages";
import { checkChatRoutingForms, liftChatRoutingForms } from "./chat-routing-forms";
import { ChatResponseFormatSchema, ChatToolChoiceSchema, ChatToolSchema } from "./chat-tools";

/**
 * `reasoning_effort`: OpenAI's values plus `max` and `off` from the gateway contract. `none` and `off` both
 * turn reasoning off where the model allows it.
 */
export const ReasoningEffortSchema = z.enum([
  "none",
  "off",
  "minimal",
  "low",
  "medium",
  "high",
  "xhigh",
  "max",
]);

/**
 * The body of `POST /v1/chat/completions`, with the gateway extensions. Unknown fields pass through. The
 * top-level `models` and `routing` (the documented Chat forms) come out of parsing moved into `gateway`.
 */
export const ChatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).optional(),
    messages: z.array(ChatMessageSchema).min(1),
    stream: z.boolean().nullish(),
    stream_options: z
      .looseObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() })
      .nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    top_k: z.number().int().min(1).nullish(),
    min_p: z.number().min(0).max(1).nullish(),
    top_a: z.number().min(0).max(1).nullish(),
    repetition_penalty: z.number().nullish(),
    n: z.number().int().min(1).max(10).nullish(),
    stop: z.union([z.string(), z.array(z.string())]).nullish(),
    max_tokens: z.number().int().min(1).nullish(),
    max_completion_tokens: z.number().int().min(1).nullish(),
    presence_penalty: z.number().min(-2).max(2).nullish(),
    frequency_penalty: z.number().min(-2).max(2).nullish(),
    logit_bias: z.record(z.string(), z.number()).nullish(),
    logprobs: z.boolean().nullish(),
    top_logprobs: z.number().int().min(0).max(20).nullish(),
    seed: z.number().int().nullish(),
    user: z.string().optional(),
    tools: z.array(ChatToolSchema).optional(),
    tool_choice: ChatToolChoiceSchema.optional(),
    parallel_tool_calls: z.boolean().optional(),
    functions: z.array(z.record(z.string(), z.unknown())).optional(),
    function_call: z.union([z.enum(["none", "auto"]), z.looseObject({ name: z.string() })]).optional(),
    response_format: ChatResponseFormatSchema.optional(),
    reasoning_effort: ReasoningEffortSchema.nullish(),
    verbosity: z.enum(["low", "medium", "high"]).nullish(),
    prompt_cache_key: z.string().optional(),
    prompt_cache_retention: z.string().nullish(),
    safety_identifier: z.string().optional(),
    metadata: z.record(z.string(), z.string()).nullish(),
    store: z.boolean().nullish(),
    service_tier: z.string().nullish(),
    modalities: z.array(z.string()).nullish(),
    audio: z.record(z.string(), z.unknown()).nullish(),
    prediction: z.record(z.string(), z.unknown()).nullish(),
    web_search_options: z.record(z.string(), z.unknown()).optional(),
    models: z.array(z.string().min(1)).min(1).optional(),
    routing: GatewayRoutingSchema.optional(),
    gateway: GatewayOptionsSchema.optional(),
    extensions: ProviderExtensionsSchema.optional(),
  })
  .superRefine(checkChatRoutingForms)
  .transform(liftChatRoutingForms);

export type ReasoningEffort = z.infer<typeof ReasoningEffortSchema>;
/** A validated Chat Completions request. */
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;
