import { z } from "zod";
import { InputContentSchema, OutputContentSchema } from "./responses-content";
import {
  CustomToolCallItemSchema,
  CustomToolCallOutputItemSchema,
  LocalShellCallItemSchema,
  LocalShellCallOutputItemSchema,
  ShellCallItemSchema,
  ShellCallOutputItemSchema,
} from "./tool-call-items";

const itemStatus = z.enum(["in_progress", "completed", "incomplete"]);

/** `phase` of an assistant message (`commentary` before tool calls, `final_answer` at the end). */
export const MessagePhaseSchema = z.enum(["commentary", "final_answer"]);

/** A user, system or developer message in `input`, with or without `type: "message"`. */
export const InputMessageItemSchema = z.looseObject({
  type: z.literal("message").optional(),
  role: z.enum(["user", "system", "developer"]),
  content: z.union([z.string(), z.array(InputContentSchema)]),
  id: z.string().optional(),
  status: itemStatus.optional(),
});

/** An assistant message, as output or as history in `input`. */
export const OutputMessageItemSchema = z.looseObject({
  type: z.literal("message").optional(),
  role: z.literal("assistant"),
  id: z.string().optional(),
  status: itemStatus.optional(),
  content: z.union([z.string(), z.array(OutputContentSchema)]),
  phase: MessagePhaseSchema.nullish(),
});

/** A function call the model made. `arguments` is a JSON string; `namespace` names a namespace tool's group. */
export const FunctionCallItemSchema = z.looseObject({
  type: z.literal("function_call"),
  call_id: z.string(),
  name: z.string(),
  arguments: z.string(),
  namespace: z.string().optional(),
  id: z.string().optional(),
  status: itemStatus.optional(),
});

/** The result of a function call: a string or a list of text, image and file parts. */
export const FunctionCallOutputItemSchema = z.looseObject({
  type: z.literal("function_call_output"),
  call_id: z.string(),
  output: z.union([z.string(), z.array(InputContentSchema)]),
  id: z.string().nullish(),
  status: itemStatus.nullish(),
});

/** A reasoning item: summary, optional reasoning text and opaque `encrypted_content`. */
export const ReasoningItemSchema = z.looseObject({
  type: z.literal("reasoning"),
  id: z.string().optional(),
  summary: z.array(z.looseObject({ type: z.literal("summary_text"), text: z.string() })),
  content: z.array(z.looseObject({ type: z.literal("reasoning_text"), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
  status: itemStatus.optional(),
});

/** A reference to an item stored by an earlier response. */
export const ItemReferenceSchema = z.looseObject({ type: z.literal("item_reference"), id: z.string() });

/**
 * Item types OpenAI defines for hosted tools, kept as sent so native Responses upstreams receive them
 * untouched. The Chat translation drops the hosted calls from history with a warning and refuses the rest
 * with a 400 that names the item. Custom and shell tool items have their own schemas (`tool-call-items`).
 */
export const BUILT_IN_ITEM_TYPES = [
  "web_search_call",
  "file_search_call",
  "computer_call",
  "computer_call_output",
  "code_interpreter_call",
  "image_generation_call",
  "apply_patch_call",
  "apply_patch_call_output",
  "mcp_list_tools",
  "mcp_approval_request",
  "mcp_approval_response",
  "mcp_call",
  "tool_search_call",
  "tool_search_output",
  "compaction",
] as const;

/** An item of a built-in tool, kept as sent. */
export const BuiltInItemSchema = z.looseObject({ type: z.enum(BUILT_IN_ITEM_TYPES) });

/** Items of an `input` array that carry a `type` field. */
const TypedInputItemSchema = z.discriminatedUnion("type", [
  FunctionCallItemSchema,
  FunctionCallOutputItemSchema,
  ReasoningItemSchema,
  ItemReferenceSchema,
  CustomToolCallItemSchema,
  CustomToolCallOutputItemSchema,
  LocalShellCallItemSchema,
  LocalShellCallOutputItemSchema,
  ShellCallItemSchema,
  ShellCallOutputItemSchema,
  BuiltInItemSchema,
]);

type InputItemShape =
  | z.infer<typeof InputMessageItemSchema>
  | z.infer<typeof OutputMessageItemSchema>
  | z.infer<typeof TypedInputItemSchema>;

/** Messages may omit `type`, so items are dispatched by hand: errors then name the field that is wrong. */
function inputItemSchemaFor(value: unknown): z.ZodType<InputItemShape> {
  const item =
    typeof value === "object" && value !== null ? (value as { type?: unknown; role?: unknown }) : {};
  if (item.type !== undefined && item.type !== "message") return TypedInputItemSchema;
  return item.role === "assistant" ? OutputMessageItemSchema : InputMessageItemSchema;
}

/** Any item of a Responses `input` array. */
export const ResponseInputItemSchema = z.unknown().transform((value, context): InputItemShape => {
  const result = inputItemSchemaFor(value).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
  return z.NEVER;
});

/** An assistant message in `output`, with its id and status always present. */
export const ResponseOutputMessageSchema = OutputMessageItemSchema.extend({
  type: z.literal("message"),
  id: z.string(),
  status: itemStatus,
  content: z.array(OutputContentSchema),
});

/** An item of a Response's `output`. Built-in tool items pass through. */
export const ResponseOutputItemSchema = z.union([
  ResponseOutputMessageSchema,
  z.discriminatedUnion("type", [
    FunctionCallItemSchema,
    ReasoningItemSchema,
    CustomToolCallItemSchema,
    LocalShellCallItemSchema,
    ShellCallItemSchema,
    BuiltInItemSchema,
  ]),
]);

export type MessagePhase = z.infer<typeof MessagePhaseSchema>;
export type InputMessageItem = z.infer<typeof InputMessageItemSchema>;
export type OutputMessageItem = z.infer<typeof OutputMessageItemSchema>;
export type FunctionCallItem = z.infer<typeof FunctionCallItemSchema>;
export type FunctionCallOutputItem = z.infer<typeof FunctionCallOutputItemSchema>;
export type ReasoningItem = z.infer<typeof ReasoningItemSchema>;
export type ItemReference = z.infer<typeof ItemReferenceSchema>;
export type BuiltInItem = z.infer<typeof BuiltInItemSchema>;
export type ResponseInputItem = z.infer<typeof ResponseInputItemSchema>;
export type ResponseOutputMessage = z.infer<typeof ResponseOutputMessageSchema>;
export type ResponseOutputItem = z.infer<typeof ResponseOutputItemSchema>;
