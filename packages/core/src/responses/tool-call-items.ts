import { z } from "zod";
import { InputContentSchema } from "./responses-content";

const itemStatus = z.enum(["in_progress", "completed", "incomplete"]);

/**
 * A call of a custom (free-form input) tool: `input` is the raw text the model wrote.
 * See openai-node `ResponseCustomToolCall`.
 */
export const CustomToolCallItemSchema = z.looseObject({
  type: z.literal("custom_tool_call"),
  call_id: z.string(),
  name: z.string(),
  input: z.string(),
  namespace: z.string().optional(),
  id: z.string().optional(),
  status: itemStatus.optional(),
});

/** The result of a custom tool call: a string or a list of text, image and file parts. */
export const CustomToolCallOutputItemSchema = z.looseObject({
  type: z.literal("custom_tool_call_output"),
  call_id: z.string(),
  output: z.union([z.string(), z.array(InputContentSchema)]),
  id: z.string().nullish(),
});

/** The `exec` action of a `local_shell_call`: an argv, with optional env, timeout, user and directory. */
export const LocalShellExecActionSchema = z.looseObject({
  type: z.literal("exec"),
  command: z.array(z.string()),
  env: z.record(z.string(), z.string()).nullish(),
  timeout_ms: z.number().int().nullish(),
  user: z.string().nullish(),
  working_directory: z.string().nullish(),
});

/** A call of the `local_shell` tool. See openai-node `ResponseInputItem.LocalShellCall`. */
export const LocalShellCallItemSchema = z.looseObject({
  type: z.literal("local_shell_call"),
  call_id: z.string(),
  action: LocalShellExecActionSchema,
  id: z.string().optional(),
  status: itemStatus.optional(),
});

/** The output of a `local_shell_call`; its `id` is the call's `call_id`, `output` a JSON string. */
export const LocalShellCallOutputItemSchema = z.looseObject({
  type: z.literal("local_shell_call_output"),
  id: z.string(),
  output: z.string(),
  status: itemStatus.nullish(),
});

/** The action of a `shell_call`: commands to run in order, with optional limits. */
export const ShellActionSchema = z.looseObject({
  commands: z.array(z.string()),
  max_output_length: z.number().int().nullish(),
  timeout_ms: z.number().int().nullish(),
});

/** A call of the `shell` tool. See openai-node `ResponseFunctionShellToolCall`. */
export const ShellCallItemSchema = z.looseObject({
  type: z.literal("shell_call"),
  call_id: z.string(),
  action: ShellActionSchema,
  id: z.string().nullish(),
  status: itemStatus.nullish(),
  environment: z.unknown().optional(),
});

/** One command's captured output in a `shell_call_output`. */
export const ShellOutputChunkSchema = z.looseObject({
  stdout: z.string(),
  stderr: z.string(),
  outcome: z.union([
    z.looseObject({ type: z.literal("exit"), exit_code: z.number().int() }),
    z.looseObject({ type: z.literal("timeout") }),
  ]),
});

/** The output of a `shell_call`. See openai-node `ResponseInputItem.ShellCallOutput`. */
export const ShellCallOutputItemSchema = z.looseObject({
  type: z.literal("shell_call_output"),
  call_id: z.string(),
  output: z.array(ShellOutputChunkSchema),
  max_output_length: z.number().int().nullish(),
  id: z.string().nullish(),
  status: itemStatus.nullish(),
});

export type CustomToolCallItem = z.infer<typeof CustomToolCallItemSchema>;
export type CustomToolCallOutputItem = z.infer<typeof CustomToolCallOutputItemSchema>;
export type LocalShellExecAction = z.infer<typeof LocalShellExecActionSchema>;
export type LocalShellCallItem = z.infer<typeof LocalShellCallItemSchema>;
export type LocalShellCallOutputItem = z.infer<typeof LocalShellCallOutputItemSchema>;
export type ShellAction = z.infer<typeof ShellActionSchema>;
export type ShellCallItem = z.infer<typeof ShellCallItemSchema>;
export type ShellOutputChunk = z.infer<typeof ShellOutputChunkSchema>;
export type ShellCallOutputItem = z.infer<typeof ShellCallOutputItemSchema>;
