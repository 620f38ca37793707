import type { ChatFunctionToolCall, ChatToolCall } from "../chat/chat-messages";

/** The call as a function call; throws when it is a custom tool call (tests that expect function calls). */
export function functionCall(call: ChatToolCall): ChatFunctionToolCall {
  if (call.type !== "function") throw new Error(`expected a function call, got a '${call.type}' call`);
  return call;
}
