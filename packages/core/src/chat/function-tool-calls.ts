import { operationNotAllowed } from "../errors";
import type { ChatFunctionToolCall, ChatToolCall } from "./chat-messages";

/**
 * The function call of an assistant history message, for upstreams that know only function tools. A custom
 * (free-form input) tool call is a 400 naming it: those upstreams cannot have been offered the tool.
 */
export function requireFunctionToolCall(
  call: ChatToolCall,
  path: string,
  target: string,
): ChatFunctionToolCall {
  if (call.type === "function") return call;
  throw operationNotAllowed(
    `${path}.type`,
    `${path}: a call of the custom tool '${call.custom.name}' cannot be sent to ${target}, which has no custom (free-form input) tools.`,
  );
}
