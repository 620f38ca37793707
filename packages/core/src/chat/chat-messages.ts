import { z } from "zod";
import {
  CacheControlSchema,
  ChatContentPartSchema,
  ChatRefusalPartSchema,
  ChatTextPartSchema,
} from "./chat-content";
import { ReasoningDetailSchema } from "./reasoning-details";

/** A function tool call made by the assistant. `arguments` is a JSON string. */
export const ChatFunctionToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal("function"),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

/** A call of a custom (free-form input) tool: `{id, type: "custom", custom: {name, input}}`. */
export const ChatCustomToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal("custom"),
  custom: z.looseObject({ name: z.string(), input: z.string() }),
});

/** A tool call made by the assistant: a function call or a custom tool call. */
export const ChatToolCallSchema = z.discriminatedUnion("type", [
  ChatFunctionToolCallSchema,
  ChatCustomToolCallSchema,
]);

const textOnlyContent = z.union([z.string(), z.array(ChatTextPartSchema)]);

/** `role: system`. */
export const ChatSystemMessageSchema = z.looseObject({
  role: z.literal("system"),
  content: textOnlyContent,
  name: z.string().optional(),
  cache_control: CacheControlSchema.optional(),
});

/** `role: developer` (OpenAI's successor to system for reasoning models). */
export const ChatDeveloperMessageSchema = z.looseObject({
  role: z.literal("developer"),
  content: textOnlyContent,
  name: z.string().optional(),
  cache_control: CacheControlSchema.optional(),
});

/** `role: user`. */
export const ChatUserMessageSchema = z.looseObject({
  role: z.literal("user"),
  content: z.union([z.string(), z.array(ChatContentPartSchema)]),
  name: z.string().optional(),
  cache_control: CacheControlSchema.optional(),
});

/**
 * `role: assistant`, in history or as an answer. `reasoning_content`, `reasoning` and `reasoning_details`
 * are Switchyard's documented extensions for reasoning text and opaque reasoning state.
 */
export const ChatAssistantMessageSchema = z.looseObject({
  role: z.literal("assistant"),
  content: z.union([z.string(), z.array(z.union([ChatTextPartSchema, ChatRefusalPartSchema]))]).nullish(),
  refusal: z.string().nullish(),
  name: z.string().optional(),
  tool_calls: z.array(ChatToolCallSchema).optional(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_details: z.array(ReasoningDetailSchema).optional(),
  cache_control: CacheControlSchema.optional(),
});

/** `role: tool`: the result of one tool call. Parts beyond text are accepted for providers that take them. */
export const ChatToolMessageSchema = z.looseObject({
  role: z.literal("tool"),
  tool_call_id: z.string(),
  content: z.union([z.string(), z.array(ChatContentPartSchema)]),
  cache_control: CacheControlSchema.optional(),
});

/** `role: function`: deprecated result of a `function_call`. */
export const ChatFunctionMessageSchema = z.looseObject({
  role: z.literal("function"),
  name: z.string(),
  content: z.string().nullable(),
});

/** Any message of a Chat request. */
export const ChatMessageSchema = z.discriminatedUnion("role", [
  ChatSystemMessageSchema,
  ChatDeveloperMessageSchema,
  ChatUserMessageSchema,
  ChatAssistantMessageSchema,
  ChatToolMessageSchema,
  ChatFunctionMessageSchema,
]);

export type ChatFunctionToolCall = z.infer<typeof ChatFunctionToolCallSchema>;
export type ChatCustomToolCall = z.infer<typeof ChatCustomToolCallSchema>;
export type ChatToolCall = z.infer<typeof ChatToolCallSchema>;
export type ChatSystemMessage = z.infer<typeof ChatSystemMessageSchema>;
export type ChatDeveloperMessage = z.infer<typeof ChatDeveloperMessageSchema>;
export type ChatUserMessage = z.infer<typeof ChatUserMessageSchema>;
export type ChatAssistantMessage = z.infer<typeof ChatAssistantMessageSchema>;
export type ChatToolMessage = z.infer<typeof ChatToolMessageSchema>;
export type ChatFunctionMessage = z.infer<typeof ChatFunctionMessageSchema>;
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
