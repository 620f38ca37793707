import type {
  ChatFunctionToolCall,
  CustomToolCallItem,
  CustomToolCallOutputItem,
  FunctionCallItem,
  LocalShellCallItem,
  LocalShellCallOutputItem,
  ShellCallItem,
  ShellCallOutputItem,
} from "@switchyard/core";
import { customInputToArguments } from "./custom-tool";
import { localShellArguments, shellArguments, shellOutputText } from "./shell-tools";
import { preferredChatName, type ToolOrigin, type ToolSurface } from "./tool-surface";

/** A tool call item of Responses `input`. */
export type ToolCallInputItem = FunctionCallItem | CustomToolCallItem | LocalShellCallItem | ShellCallItem;

/** A tool output item of Responses `input` other than `function_call_output`. */
export type ToolOutputInputItem = CustomToolCallOutputItem | LocalShellCallOutputItem | ShellCallOutputItem;

const originOfCall = (item: ToolCallInputItem): ToolOrigin => {
  switch (item.type) {
    case "function_call":
    case "custom_tool_call": {
      const kind = item.type === "function_call" ? "function" : "custom";
      return item.namespace === undefined
        ? { kind, name: item.name }
        : { kind, name: item.name, namespace: item.namespace };
    }
    case "local_shell_call":
      return { kind: "local_shell" };
    case "shell_call":
      return { kind: "shell" };
  }
};

const argumentsOf = (item: ToolCallInputItem): string => {
  switch (item.type) {
    case "function_call":
      return item.arguments;
    case "custom_tool_call":
      return customInputToArguments(item.input);
    case "local_shell_call":
      return localShellArguments(item.action);
    case "shell_call":
      return shellArguments(item.action);
  }
};

/**
 * A call item of history as the Chat function call the upstream made, under the name the request's tools
 * give it (a call of a tool no longer offered keeps the name it would have had).
 */
export function callItemToChatToolCall(item: ToolCallInputItem, surface: ToolSurface): ChatFunctionToolCall {
  const origin = originOfCall(item);
  const name = surface.chatNameOf(origin) ?? preferredChatName(origin);
  return { id: item.call_id, type: "function", function: { name, arguments: argumentsOf(item) } };
}

/** The call an output item answers: `local_shell_call_output` names it in `id`, the others in `call_id`. */
export const answeredCallId = (item: ToolOutputInputItem): string =>
  item.type === "local_shell_call_output" ? item.id : item.call_id;

/** The content of the Chat tool message for an output item; custom outputs may hold parts. */
export function outputItemContent(item: ToolOutputInputItem): string | CustomToolCallOutputItem["output"] {
  switch (item.type) {
    case "custom_tool_call_output":
      return item.output;
    case "local_shell_call_output":
      return item.output;
    case "shell_call_output":
      return shellOutputText(item.output);
  }
}
