import {
  type ChatCompletionResponse,
  ChatCompletionResponseSchema,
  type Clock,
  describeZodError,
  type GatewayError,
  type IdGenerator,
  systemClock,
  type Translation,
  type Warning,
} from "@switchyard/core";
import { malformedAnswer } from "@switchyard/provider-utils";
import { isJsonObject, type JsonObject } from "./json-value";
import type { ToolCallIdMap } from "./mistral-tool-call-ids";
import { normalizeFinishReason } from "./normalize-finish-reason";
import { argumentsAsString, normalizeReasoningAndContent } from "./normalize-message-content";
import { normalizeUsage } from "./normalize-usage";
import type { OpenAICompatiblePreset } from "./openai-compatible-preset";

/** Inputs of `openAICompatibleResponseToChat`. */
export interface OpenAICompatibleResponseOptions {
  preset: OpenAICompatiblePreset;
  providerName: string;
  toolCallIds: ToolCallIdMap;
  ids: IdGenerator;
  clock?: Clock;
}

const malformed = (provider: string, detail: string): GatewayError =>
  malformedAnswer({ provider }, `the body is not a chat completion: ${detail}`);

/** Normalises one tool call of a message: restored id, `type`, arguments as a JSON string. */
function normalizeToolCall(raw: JsonObject, options: OpenAICompatibleResponseOptions): JsonObject {
  const { index: _index, ...call } = raw;
  const source = isJsonObject(call["function"]) ? call["function"] : {};
  return {
    ...call,
    id:
      typeof call["id"] === "string" && call["id"] !== ""
        ? options.toolCallIds.restore(call["id"])
        : options.ids("call"),
    type: "function",
    function: { ...source, arguments: argumentsAsString(source["arguments"]) ?? "" },
  };
}

/**
 * Normalises a non-streaming answer of an OpenAI-compatible server: reasoning read into
 * `reasoning_content`, content parts flattened, tool call arguments as strings and ids restored, usage
 * brought to OpenAI's meaning. Throws a 502 `GatewayError` when the body is not a chat completion.
 */
export function openAICompatibleResponseToChat(
  raw: unknown,
  options: OpenAICompatibleResponseOptions,
): Translation<ChatCompletionResponse> {
  if (!isJsonObject(raw) || !Array.isArray(raw["choices"]))
    throw malformed(options.providerName, "no choices");
  const warnings: Warning[] = [];
  const candidate: JsonObject = {
    ...raw,
    id: typeof raw["id"] === "string" ? raw["id"] : options.ids("chatcmpl"),
    object: "chat.completion",
    created:
      typeof raw["created"] === "number"
        ? raw["created"]
        : Math.floor((options.clock ?? systemClock)() / 1000),
  };
  candidate["choices"] = raw["choices"].filter(isJsonObject).map((choice, position) => {
    const message: JsonObject = isJsonObject(choice["message"]) ? { ...choice["message"] } : {};
    message["role"] = "assistant";
    for (const type of normalizeReasoningAndContent(message)) {
      warnings.push({
        type: "dropped_content",
        code: type,
        message: `Content parts of type '${type}' have no Chat equivalent and were left out.`,
      });
    }
    if (message["content"] === undefined) message["content"] = null;
    if (Array.isArray(message["tool_calls"])) {
      message["tool_calls"] = message["tool_calls"]
        .filter(isJsonObject)
        .map((call) => normalizeToolCall(call, options));
    }
    return {
      ...choice,
      index: typeof choice["index"] === "number" ? choice["index"] : position,
      message,
      finish_reason: normalizeFinishReason(choice["finish_reason"] ?? null),
    };
  });
  const usage = normalizeUsage(raw["usage"], options.preset);
  if (usage !== undefined) candidate["usage"] = usage;
  const parsed = ChatCompletionResponseSchema.safeParse(candidate);
  if (!parsed.success) throw malformed(options.providerName, describeZodError(parsed.error).message);
  if (options.preset.finishResponse === undefined) return { value: parsed.data, warnings };
  const finished = options.preset.finishResponse(parsed.data);
  return { value: finished.value, warnings: [...warnings, ...finished.warnings] };
}
