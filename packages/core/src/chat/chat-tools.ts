import { z } from "zod";
import { CacheControlSchema } from "./chat-content";

/** A function tool: `{type: "function", function: {name, description, parameters, strict}}`. */
export const ChatFunctionToolSchema = z.looseObject({
  type: z.literal("function"),
  function: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
  cache_control: CacheControlSchema.optional(),
});

/** A custom (free-form input) tool: `{type: "custom", custom: {name, description, format}}`. */
export const ChatCustomToolSchema = z.looseObject({
  type: z.literal("custom"),
  custom: z.looseObject({
    name: z.string().min(1),
    description: z.string().optional(),
    format: z.unknown().optional(),
  }),
});

/** A tool definition of a Chat request. */
export const ChatToolSchema = z.discriminatedUnion("type", [ChatFunctionToolSchema, ChatCustomToolSchema]);

/** `tool_choice`: a mode, one named function or custom tool, or an allowed subset. */
export const ChatToolChoiceSchema = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
  z.looseObject({ type: z.literal("custom"), custom: z.looseObject({ name: z.string() }) }),
  z.looseObject({
    type: z.literal("allowed_tools"),
    allowed_tools: z.looseObject({
      mode: z.enum(["auto", "required"]),
      tools: z.array(z.record(z.string(), z.unknown())),
    }),
  }),
]);

/** `response_format`: text, JSON mode, or a JSON Schema. */
export const ChatResponseFormatSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export type ChatFunctionTool = z.infer<typeof ChatFunctionToolSchema>;
export type ChatCustomTool = z.infer<typeof ChatCustomToolSchema>;
export type ChatTool = z.infer<typeof ChatToolSchema>;
export type ChatToolChoice = z.infer<typeof ChatToolChoiceSchema>;
export type ChatResponseFormat = z.infer<typeof ChatResponseFormatSchema>;
