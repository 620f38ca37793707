import { invalidRequest } from "../errors";
import type { Translation, Warning } from "../gateway/warning";
import type { ChatCompletionChunk, ChatDelta } from "./chat-chunk";
import type { ChatMessage, ChatToolCall } from "./chat-messages";
import type { ChatCompletionRequest } from "./chat-request";
import type { ChatCompletionResponse, ChatResponseMessage } from "./chat-response";
import type { ChatTool, ChatToolChoice } from "./chat-tools";

/**
 * OpenAI's deprecated function calling (`functions`, `function_call`, assistant `function_call` and
 * `role: "function"` messages), which the gateway's contract says is "auto-converted": the request is
 * turned into tools before any translation, so every provider serves it, and the answer is turned back
 * into the form the client used. Legacy function calling has no call ids: they are made up here, one per
 * assistant `function_call` of the history, and a `function` message answers the latest unanswered call of
 * its name.
 * https://platform.openai.com/docs/api-reference/chat/create#chat-create-functions
 */

/** Whether the request uses the deprecated `functions` / `function_call` fields. */
export const usesLegacyFunctions = (request: ChatCompletionRequest): boolean =>
  request.functions != null || request.function_call != null;

/** The id given to the legacy call of the assistant message at `messageIndex`. */
const legacyCallId = (messageIndex: number): string => `call_legacy_${messageIndex}`;

function legacyTools(functions: readonly Record<string, unknown>[]): ChatTool[] {
  return functions.map((definition, index) => {
    if (typeof definition["name"] !== "string" || definition["name"] === "")
      throw invalidRequest(`functions[${index}].name: is required`, `functions[${index}].name`);
    return { type: "function", function: definition } as ChatTool;
  });
}

function legacyToolChoice(functionCall: NonNullable<ChatCompletionRequest["function_call"]>): ChatToolChoice {
  if (typeof functionCall === "string") return functionCall;
  return { type: "function", function: { name: functionCall.name } };
}

/** A legacy history as tool calls and tool results. */
function legacyMessages(messages: readonly ChatMessage[]): ChatMessage[] {
  const unanswered: { name: string; id: string }[] = [];
  return messages.map((message, index) => {
    if (message.role === "assistant" && message.function_call != null) {
      if ((message.tool_calls ?? []).length > 0)
        throw invalidRequest(
          `messages[${index}].function_call: send tool_calls or the deprecated function_call, not both`,
          `messages[${index}].function_call`,
        );
      const { function_call: call, ...rest } = message;
      const id = legacyCallId(index);
      unanswered.push({ name: call.name, id });
      const toolCall: ChatToolCall = {
        id,
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      };
      return { ...rest, tool_calls: [toolCall] };
    }
    if (message.role === "function") {
      const position = unanswered.findLastIndex((call) => call.name === message.name);
      if (position === -1)
        throw invalidRequest(
          `messages[${index}].name: no earlier assistant function_call is named '${message.name}'`,
          `messages[${index}].name`,
        );
      const [call] = unanswered.splice(position, 1);
      return { role: "tool", tool_call_id: call!.id, content: message.content ?? "" };
    }
    return message;
  });
}

/**
 * The request with `functions` as `tools`, `function_call` as `tool_choice` and a legacy history as tool
 * calls and results; one call per answer, as legacy function calling returns (`parallel_tool_calls:
 * false` unless the request set it). Sending both forms of one setting is a 400 naming the legacy field.
 */
export function liftLegacyFunctions(request: ChatCompletionRequest): ChatCompletionRequest {
  const { functions, function_call: functionCall, ...rest } = request;
  const lifted: ChatCompletionRequest = { ...rest, messages: legacyMessages(request.messages) };
  if (functions != null) {
    if (request.tools !== undefined)
      throw invalidRequest("functions: send tools or the deprecated functions, not both", "functions");
    lifted.tools = legacyTools(functions);
    if (lifted.parallel_tool_calls === undefined) lifted.parallel_tool_calls = false;
  }
  if (functionCall != null) {
    if (request.tool_choice !== undefined)
      throw invalidRequest(
        "function_call: send tool_choice or the deprecated function_call, not both",
        "function_call",
      );
    lifted.tool_choice = legacyToolChoice(functionCall);
  }
  return lifted;
}

const droppedCalls = (count: number): Warning => ({
  type: "dropped_content",
  code: "tool_calls",
  message: `Legacy function calling carries one call per answer; ${count} further call(s) were dropped.`,
});

const legacyFinishReason = (reason: string | null | undefined): string | null | undefined =>
  reason === "tool_calls" ? "function_call" : reason;

function legacyMessage(message: ChatResponseMessage, warnings: Warning[]): ChatResponseMessage {
  const calls = message.tool_calls ?? [];
  const first = calls[0];
  // A request in the legacy form offered functions only, so a custom tool call cannot answer it.
  if (first === undefined || first.type !== "function") return message;
  const { tool_calls: _toolCalls, ...rest } = message;
  if (calls.length > 1) warnings.push(droppedCalls(calls.length - 1));
  return { ...rest, function_call: { name: first.function.name, arguments: first.function.arguments } };
}

/**
 * A completion in the legacy form, for a request that used `functions`: the first tool call becomes
 * `message.function_call` and `finish_reason: "tool_calls"` becomes `"function_call"`.
 */
export function toLegacyFunctionCompletion(
  response: ChatCompletionResponse,
): Translation<ChatCompletionResponse> {
  const warnings: Warning[] = [];
  const choices = response.choices.map((choice) => ({
    ...choice,
    message: legacyMessage(choice.message, warnings),
    finish_reason: legacyFinishReason(choice.finish_reason) ?? null,
  }));
  return { value: { ...response, choices }, warnings };
}

/** A push machine from streamed tool-call chunks to legacy `function_call` chunks. */
export interface LegacyFunctionChunkMapper {
  /** The chunk in the legacy form. */
  push(chunk: ChatCompletionChunk): ChatCompletionChunk;
  /** A warning when calls beyond the first were dropped, counting them. */
  readonly warnings: Warning[];
}

/**
 * Maps a stream for a request that used `functions`: the deltas of the first tool call (`index` 0) become
 * `delta.function_call` (`name` once, then `arguments` fragments), other calls are dropped with one
 * warning, and `finish_reason: "tool_calls"` becomes `"function_call"`.
 */
export function createLegacyFunctionChunkMapper(): LegacyFunctionChunkMapper {
  const dropped = new Set<number>();
  const mapDelta = (delta: ChatDelta): ChatDelta => {
    const calls = delta.tool_calls;
    if (calls == null) return delta;
    const { tool_calls: _toolCalls, ...rest } = delta;
    let name: string | undefined;
    let argumentsText: string | undefined;
    for (const call of calls) {
      if (call.index !== 0) {
        dropped.add(call.index);
        continue;
      }
      if (call.function?.name != null) name = (name ?? "") + call.function.name;
      if (call.function?.arguments != null) argumentsText = (argumentsText ?? "") + call.function.arguments;
    }
    if (name === undefined && argumentsText === undefined) return rest;
    return {
      ...rest,
      function_call: {
        ...(name === undefined ? {} : { name }),
        arguments: argumentsText ?? "",
      },
    };
  };
  return {
    push(chunk) {
      const choices = chunk.choices.map((choice) => ({
        ...choice,
        delta: mapDelta(choice.delta),
        finish_reason: legacyFinishReason(choice.finish_reason),
      }));
      return { ...chunk, choices };
    },
    get warnings() {
      return dropped.size === 0 ? [] : [droppedCalls(dropped.size)];
    },
  };
}
