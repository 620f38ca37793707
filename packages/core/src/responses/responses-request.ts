import { z } from "zod";
import {
  GatewayOptionsSchema,
  ProviderExtensionsSchema,
  requireOneModelSource,
} from "../gateway/gateway-options";
import { ResponseInputItemSchema } from "./responses-items";

/** A function tool in the flat Responses shape: `{type, name, description, parameters, strict}`. */
export const ResponsesFunctionToolSchema = z.looseObject({
  type: z.literal("function"),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

/** A custom (free-form input) tool. */
export const ResponsesCustomToolSchema = z.looseObject({
  type: z.literal("custom"),
  name: z.string().min(1),
  description: z.string().optional(),
  format: z.unknown().optional(),
});

/**
 * A `namespace` tool: function and custom tools grouped under one name; the model's calls of them carry
 * `namespace`. See openai-node `NamespaceTool`.
 */
export const ResponsesNamespaceToolSchema = z.looseObject({
  type: z.literal("namespace"),
  name: z.string().min(1),
  description: z.string().nullish(),
  tools: z.array(z.union([ResponsesFunctionToolSchema, ResponsesCustomToolSchema])),
});

const TYPED_TOOLS = new Set(["function", "custom", "namespace"]);

/** A built-in tool (web_search, file_search, code_interpreter, mcp, local_shell, shell, ...), kept as sent. */
export const ResponsesBuiltInToolSchema = z.looseObject({
  type: z.string().refine((type) => !TYPED_TOOLS.has(type), "a built-in tool type"),
});

/** Any tool of a Responses request. */
export const ResponsesToolSchema = z.union([
  ResponsesFunctionToolSchema,
  ResponsesCustomToolSchema,
  ResponsesNamespaceToolSchema,
  ResponsesBuiltInToolSchema,
]);

/** `tool_choice` in its Responses forms. */
export const ResponsesToolChoiceSchema = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), name: z.string() }),
  z.looseObject({ type: z.literal("custom"), name: z.string() }),
  z.looseObject({
    type: z.literal("allowed_tools"),
    mode: z.enum(["auto", "required"]),
    tools: z.array(z.record(z.string(), z.unknown())),
  }),
  z.looseObject({ type: z.string() }),
]);

/** `text.format`. */
export const ResponsesTextFormatSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullish(),
  }),
]);

/** `text`: output format and verbosity. */
export const ResponsesTextConfigSchema = z.looseObject({
  format: ResponsesTextFormatSchema.optional(),
  verbosity: z.enum(["low", "medium", "high"]).nullish(),
});

/** `reasoning`: effort and summary settings. */
export const ResponsesReasoningConfigSchema = z.looseObject({
  effort: z.enum(["none", "off", "minimal", "low", "medium", "high", "xhigh", "max"]).nullish(),
  summary: z.enum(["auto", "concise", "detailed"]).nullish(),
  generate_summary: z.enum(["auto", "concise", "detailed"]).nullish(),
});

/** The body of `POST /v1/responses`, with the gateway extensions. Unknown fields pass through. */
export const ResponsesRequestSchema = z
  .looseObject({
    model: z.string().min(1).optional(),
    input: z.union([z.string(), z.array(ResponseInputItemSchema)]).optional(),
    instructions: z.string().nullish(),
    tools: z.array(ResponsesToolSchema).optional(),
    tool_choice: ResponsesToolChoiceSchema.optional(),
    parallel_tool_calls: z.boolean().nullish(),
    max_output_tokens: z.number().int().min(1).nullish(),
    max_tool_calls: z.number().int().min(1).nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().min(0).max(1).nullish(),
    top_k: z.number().int().min(1).nullish(),
    top_logprobs: z.number().int().min(0).max(20).nullish(),
    frequency_penalty: z.number().min(-2).max(2).nullish(),
    presence_penalty: z.number().min(-2).max(2).nullish(),
    stream: z.boolean().nullish(),
    stream_options: z.looseObject({ include_obfuscation: z.boolean().optional() }).nullish(),
    text: ResponsesTextConfigSchema.optional(),
    reasoning: ResponsesReasoningConfigSchema.nullish(),
    truncation: z.enum(["auto", "disabled"]).nullish(),
    metadata: z.record(z.string(), z.string()).nullish(),
    include: z.array(z.string()).nullish(),
    user: z.string().optional(),
    store: z.boolean().nullish(),
    previous_response_id: z.string().nullish(),
    background: z.boolean().nullish(),
    conversation: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
    prompt: z.record(z.string(), z.unknown()).nullish(),
    prompt_cache_key: z.string().optional(),
    prompt_cache_retention: z.string().nullish(),
    safety_identifier: z.string().optional(),
    service_tier: z.string().nullish(),
    gateway: GatewayOptionsSchema.optional(),
    extensions: ProviderExtensionsSchema.optional(),
  })
  .superRefine(requireOneModelSource);

export type ResponsesFunctionTool = z.infer<typeof ResponsesFunctionToolSchema>;
export type ResponsesCustomTool = z.infer<typeof ResponsesCustomToolSchema>;
export type ResponsesNamespaceTool = z.infer<typeof ResponsesNamespaceToolSchema>;
export type ResponsesTool = z.infer<typeof ResponsesToolSchema>;
export type ResponsesToolChoice = z.infer<typeof ResponsesToolChoiceSchema>;
export type ResponsesTextFormat = z.infer<typeof ResponsesTextFormatSchema>;
export type ResponsesTextConfig = z.infer<typeof ResponsesTextConfigSchema>;
export type ResponsesReasoningConfig = z.infer<typeof ResponsesReasoningConfigSchema>;
/** A validated Responses request. */
export type ResponsesRequest = z.infer<typeof ResponsesRequestSchema>;
