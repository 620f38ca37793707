import type { ChatFunctionTool, LocalShellExecAction, ShellAction, ShellOutputChunk } from "@switchyard/core";

/**
 * `local_shell` as a Chat function. Its arguments are the `exec` action of a `local_shell_call` (see
 * openai-node `ResponseInputItem.LocalShellCall.Action`) less its `type`.
 */
export function localShellFunction(chatName: string): ChatFunctionTool {
  return {
    type: "function",
    function: {
      name: chatName,
      description:
        'Runs a command on the user\'s machine and returns its output. `command` is the argument vector, for example ["bash", "-lc", "ls -la"].',
      parameters: {
        type: "object",
        properties: {
          command: {
            type: "array",
            items: { type: "string" },
            description: "The command and its arguments.",
          },
          working_directory: { type: "string", description: "The directory to run the command in." },
          timeout_ms: { type: "integer", description: "The time limit in milliseconds." },
          env: {
            type: "object",
            additionalProperties: { type: "string" },
            description: "Environment variables to set for the command.",
          },
          user: { type: "string", description: "The user to run the command as." },
        },
        required: ["command"],
        additionalProperties: false,
      },
    },
  };
}

/** `shell` as a Chat function. Its arguments are the action of a `shell_call` (openai-node `ShellCall.Action`). */
export function shellFunction(chatName: string): ChatFunctionTool {
  return {
    type: "function",
    function: {
      name: chatName,
      description:
        "Runs shell commands, one after another, in the user's environment and returns each command's stdout, stderr and exit code.",
      parameters: {
        type: "object",
        properties: {
          commands: {
            type: "array",
            items: { type: "string" },
            description: "The shell commands, in order.",
          },
          timeout_ms: { type: "integer", description: "The time limit in milliseconds." },
          max_output_length: {
            type: "integer",
            description: "The most characters of combined output to return per command.",
          },
        },
        required: ["commands"],
        additionalProperties: false,
      },
    },
  };
}

const withoutNulls = (entries: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value != null));

/** A `local_shell_call`'s action as the arguments of its Chat function. */
export function localShellArguments(action: LocalShellExecAction): string {
  const { type: _type, ...fields } = action;
  return JSON.stringify(withoutNulls(fields));
}

/** A `shell_call`'s action as the arguments of its Chat function. */
export const shellArguments = (action: ShellAction): string => JSON.stringify(withoutNulls({ ...action }));

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === "string");

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  Object.values(value as Record<string, unknown>).every((entry) => typeof entry === "string");

/**
 * The `exec` action of a `local_shell_call` from a Chat function call's arguments; undefined when the model
 * sent no argument vector. `env` is always present, as the Responses output item has it.
 */
export function localShellActionOf(argumentsText: string): LocalShellExecAction | undefined {
  const fields = parseObject(argumentsText);
  if (fields === undefined || !isStringArray(fields.command)) return undefined;
  const action: LocalShellExecAction = {
    type: "exec",
    command: fields.command,
    env: isStringRecord(fields.env) ? fields.env : {},
  };
  if (Number.isInteger(fields.timeout_ms)) action.timeout_ms = fields.timeout_ms as number;
  if (typeof fields.working_directory === "string") action.working_directory = fields.working_directory;
  if (typeof fields.user === "string") action.user = fields.user;
  return action;
}

/** The action of a `shell_call` from a Chat function call's arguments; undefined when it has no commands. */
export function shellActionOf(argumentsText: string): ShellAction | undefined {
  const fields = parseObject(argumentsText);
  if (fields === undefined || !isStringArray(fields.commands)) return undefined;
  return {
    commands: fields.commands,
    timeout_ms: Number.isInteger(fields.timeout_ms) ? (fields.timeout_ms as number) : null,
    max_output_length: Number.isInteger(fields.max_output_length)
      ? (fields.max_output_length as number)
      : null,
  };
}

/** A `shell_call_output`'s chunks as the text of a Chat tool message: the chunks as JSON, as sent. */
export const shellOutputText = (output: readonly ShellOutputChunk[]): string => JSON.stringify(output);
