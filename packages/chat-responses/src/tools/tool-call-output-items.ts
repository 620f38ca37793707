import type { ResponseOutputItem, Warning } from "@switchyard/core";
import { customInputOfArguments } from "./custom-tool";
import { localShellActionOf, shellActionOf } from "./shell-tools";
import type { ToolSurface } from "./tool-surface";

/** The Responses item type a Chat function call becomes. */
export type OutputToolCallType = "function_call" | "custom_tool_call" | "local_shell_call" | "shell_call";

/** The id prefix of each tool call item type. */
export const TOOL_CALL_ID_PREFIX: Readonly<Record<OutputToolCallType, string>> = {
  function_call: "fc",
  custom_tool_call: "ct",
  local_shell_call: "lsh",
  shell_call: "sh",
};

/** The item type a call of the Chat function `chatName` becomes, by what the request's tools made of it. */
export function outputToolCallTypeOf(chatName: string, surface: ToolSurface): OutputToolCallType {
  const origin = surface.originOf(chatName);
  if (origin?.kind === "custom") return "custom_tool_call";
  if (origin?.kind === "local_shell") return "local_shell_call";
  if (origin?.kind === "shell") return "shell_call";
  return "function_call";
}

/** One finished Chat function call, with the ids its Responses item takes. */
export interface FinishedToolCall {
  id: string;
  callId: string;
  chatName: string;
  arguments: string;
  status: "in_progress" | "completed" | "incomplete";
}

/**
 * A Chat function call -> the Responses item the client offered the tool as: a `function_call` (with its
 * `namespace` for a namespace tool's member), a `custom_tool_call` whose `input` is the `input` argument, a
 * `local_shell_call` or a `shell_call` whose action is the arguments. A shell call whose arguments are not
 * an action stays a `function_call` under its Chat name, with a warning.
 */
export function functionCallToOutputItem(
  call: FinishedToolCall,
  surface: ToolSurface,
  warnings: Warning[],
): ResponseOutputItem {
  const { id, callId, chatName, status } = call;
  const origin = surface.originOf(chatName);
  const common = { id, status, call_id: callId };
  if (origin?.kind === "custom") {
    const { input, wellFormed } = customInputOfArguments(call.arguments);
    if (!wellFormed)
      warnings.push({
        type: "adjusted_parameter",
        code: `${id}.input`,
        message: `The model called the custom tool '${origin.name}' without an 'input' string; its arguments were taken as the input.`,
      });
    return {
      type: "custom_tool_call",
      ...common,
      name: origin.name,
      input,
      ...(origin.namespace === undefined ? {} : { namespace: origin.namespace }),
    };
  }
  if (origin?.kind === "local_shell") {
    const action = localShellActionOf(call.arguments);
    if (action !== undefined) return { type: "local_shell_call", ...common, action };
  }
  if (origin?.kind === "shell") {
    const action = shellActionOf(call.arguments);
    if (action !== undefined) return { type: "shell_call", ...common, action, environment: null };
  }
  if (origin?.kind === "local_shell" || origin?.kind === "shell") {
    warnings.push({
      type: "dropped_content",
      code: `${id}.action`,
      message: `The model called the ${origin.kind} tool with arguments that are not a ${origin.kind} action; it is returned as a function_call named '${chatName}'.`,
    });
  }
  const named =
    origin?.kind === "function"
      ? { name: origin.name, ...(origin.namespace === undefined ? {} : { namespace: origin.namespace }) }
      : { name: chatName };
  return { type: "function_call", ...common, ...named, arguments: call.arguments };
}
