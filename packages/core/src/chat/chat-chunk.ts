import { z } from "zod";
import { RoutingMetadataSchema } from "../gateway/routing-metadata";
import { ChatLogprobsSchema, ChatUsageSchema } from "./chat-response";
import { ReasoningDetailSchema } from "./reasoning-details";

/**
 * A fragment of a streamed tool call; the first fragment of a call carries id, type and name. A custom tool
 * call streams its `input` in `custom` where a function call streams `arguments` in `function`.
 */
export const ChatToolCallDeltaSchema = z.looseObject({
  index: z.number().int(),
  id: z.string().nullish(),
  type: z.enum(["function", "custom"]).nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
  custom: z.looseObject({ name: z.string().nullish(), input: z.string().nullish() }).nullish(),
});

/** `choices[].delta` of a stream chunk, with the reasoning extensions. */
export const ChatDeltaSchema = z.looseObject({
  role: z.enum(["assistant", "developer", "system", "user", "tool"]).nullish(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(ChatToolCallDeltaSchema).nullish(),
  function_call: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_details: z.array(ReasoningDetailSchema).nullish(),
});

/** One choice of a stream chunk. */
export const ChatChunkChoiceSchema = z.looseObject({
  index: z.number().int(),
  delta: ChatDeltaSchema,
  logprobs: ChatLogprobsSchema.nullish(),
  finish_reason: z.string().nullish(),
});

/** One `data:` payload of a Chat Completions stream. The usage chunk has `choices: []`. */
export const ChatCompletionChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal("chat.completion.chunk"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(ChatChunkChoiceSchema),
  usage: ChatUsageSchema.nullish(),
  system_fingerprint: z.string().nullish(),
  service_tier: z.string().nullish(),
  routing_metadata: RoutingMetadataSchema.optional(),
});

export type ChatToolCallDelta = z.infer<typeof ChatToolCallDeltaSchema>;
export type ChatDelta = z.infer<typeof ChatDeltaSchema>;
export type ChatChunkChoice = z.infer<typeof ChatChunkChoiceSchema>;
/** One chunk of a Chat Completions stream. */
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;
