import {
  type ChatCompletionRequest,
  type ChatMessage,
  invalidRequest,
  type ModelInfo,
  nearestReasoningEffort,
  operationNotAllowed,
  type ReasoningEffort,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { filterUnsupportedFields } from "./filter-unsupported-fields";
import { isJsonObject, type JsonObject } from "./json-value";
import { createToolCallIdMap, type ToolCallIdMap } from "./mistral-tool-call-ids";
import type { OpenAICompatiblePreset, PresetRequestContext } from "./openai-compatible-preset";

/** The JSON body sent to `POST {baseUrl}/chat/completions`. */
export type OpenAICompatibleRequestBody = JsonObject & { model: string; messages: JsonObject[] };

/** Options of `chatRequestToOpenAICompatible`. */
export interface OpenAICompatibleRequestOptions {
  preset: OpenAICompatiblePreset;
  /** The provider name: warnings name it, and `extensions.<providerName>` is merged into the body. */
  providerName: string;
  modelInfo?: ModelInfo;
}

/** The translated body, its warnings, and the tool call id map needed to read the answer. */
export interface OpenAICompatibleRequestTranslation extends Translation<OpenAICompatibleRequestBody> {
  toolCallIds: ToolCallIdMap;
}

/** OpenAI's own `reasoning_effort` values, assumed where a preset does not say. */
const OPENAI_EFFORTS: readonly ReasoningEffort[] = ["none", "minimal", "low", "medium", "high", "xhigh"];

/** Moves `reasoning_effort` to a value the server accepts; `off` is the gateway's spelling of `none`. */
function mapReasoningEffort(body: JsonObject, preset: OpenAICompatiblePreset, target: string): Warning[] {
  const requested = body["reasoning_effort"] as ReasoningEffort | null | undefined;
  if (requested === null || requested === undefined) return [];
  const effort: ReasoningEffort = requested === "off" ? "none" : requested;
  const allowed = preset.reasoningEffortValues ?? OPENAI_EFFORTS;
  if (allowed.includes(effort)) {
    body["reasoning_effort"] = effort;
    return [];
  }
  if (effort === "none") {
    // Moving "off" to the nearest value would turn reasoning on; leave the model's default instead.
    delete body["reasoning_effort"];
    return [unsupportedParameter("reasoning_effort", target, "reasoning cannot be turned off there")];
  }
  const nearest = nearestReasoningEffort(
    effort,
    allowed.filter((value) => value !== "none"),
  );
  if (nearest === undefined) {
    delete body["reasoning_effort"];
    return [unsupportedParameter("reasoning_effort", target)];
  }
  body["reasoning_effort"] = nearest;
  return [
    {
      type: "adjusted_parameter",
      code: "reasoning_effort",
      message: `reasoning_effort '${requested}' is not accepted by ${target}; sent as '${nearest}'.`,
    },
  ];
}

const toolName = (tool: unknown): string | undefined =>
  isJsonObject(tool) && isJsonObject(tool["function"]) ? (tool["function"]["name"] as string) : undefined;

/** Checks tools and tool_choice: custom tools cannot be served; allowed_tools and named choices are rewritten. */
function translateTools(body: JsonObject, preset: OpenAICompatiblePreset, target: string): Warning[] {
  const tools = Array.isArray(body["tools"]) ? (body["tools"] as JsonObject[]) : undefined;
  tools?.forEach((tool, index) => {
    if (tool["type"] !== "function")
      throw operationNotAllowed(`tools[${index}]`, `Only function tools are supported by ${target}.`);
  });
  const choice = body["tool_choice"];
  if (!isJsonObject(choice)) return [];
  if (choice["type"] === "custom")
    throw operationNotAllowed("tool_choice", `Custom tools are not supported by ${target}.`);
  if (choice["type"] === "allowed_tools" && isJsonObject(choice["allowed_tools"])) {
    // Same meaning, standard spelling: offer only the allowed tools, with the given mode.
    const allowed = choice["allowed_tools"];
    const names = new Set((allowed["tools"] as unknown[]).map(toolName));
    body["tools"] = (tools ?? []).filter((tool) => names.has(toolName(tool)));
    body["tool_choice"] = allowed["mode"];
    return [];
  }
  if (choice["type"] === "function" && preset.acceptsNamedToolChoice === false) {
    const name = toolName(choice);
    body["tools"] = (tools ?? []).filter((tool) => toolName(tool) === name);
    body["tool_choice"] = "required";
    return [
      {
        type: "adjusted_parameter",
        code: "tool_choice",
        message: `${target} ignores a named tool_choice; sent as 'required' with only the tool '${name}'.`,
      },
    ];
  }
  return [];
}

/** Removes `cache_control` from a message and its content parts; returns whether any was there. */
function stripCacheControl(message: JsonObject): boolean {
  let found = "cache_control" in message;
  delete message["cache_control"];
  if (Array.isArray(message["content"])) {
    message["content"] = (message["content"] as unknown[]).map((part) => {
      if (!isJsonObject(part) || !("cache_control" in part)) return part;
      found = true;
      const { cache_control: _removed, ...rest } = part;
      return rest;
    });
  }
  return found;
}

/** Translates the messages: roles, hub extensions, per-server rejected fields and tool call ids. */
function translateMessages(
  messages: readonly ChatMessage[],
  preset: OpenAICompatiblePreset,
  ids: ToolCallIdMap,
  target: string,
): Translation<JsonObject[]> {
  const notes = new Set<string>();
  const value = messages.map((original): JsonObject => {
    const message: JsonObject = { ...original };
    if (message["role"] === "developer" && preset.acceptsDeveloperRole !== true) message["role"] = "system";
    if (stripCacheControl(message)) notes.add("cache_control");
    for (const field of preset.unsupportedMessageFields ?? []) {
      if (field in message) {
        delete message[field];
        notes.add(`messages[].${field}`);
      }
    }
    if (message["role"] === "assistant") {
      const reasoningFields = preset.sendsAssistantReasoning
        ? ["reasoning", "reasoning_details"]
        : ["reasoning_content", "reasoning", "reasoning_details"];
      for (const field of reasoningFields) {
        if (message[field] !== undefined && message[field] !== null) notes.add("reasoning");
        delete message[field];
      }
      if (Array.isArray(message["tool_calls"])) {
        message["tool_calls"] = (message["tool_calls"] as JsonObject[]).map((call) => ({
          ...call,
          id: ids.toUpstream(call["id"] as string),
        }));
      }
    }
    if (message["role"] === "tool")
      message["tool_call_id"] = ids.toUpstream(message["tool_call_id"] as string);
    return message;
  });
  const warnings: Warning[] = [...notes].map((note) =>
    note === "reasoning"
      ? {
          type: "dropped_content",
          code: "reasoning_content",
          message: `Reasoning of earlier assistant turns is not sent to ${target}.`,
        }
      : unsupportedParameter(note, target),
  );
  return { value, warnings };
}

/**
 * Translates a Chat request into the body an OpenAI-compatible server accepts: the preset's rejected
 * fields removed (one warning each), `max_completion_tokens`, `reasoning_effort`, `seed` and roles
 * respelled where the server needs it, tool call ids rewritten to the server's rule, usage requested on
 * streams where supported, the `gateway` field removed and `extensions.<providerName>` merged in.
 */
export function chatRequestToOpenAICompatible(
  request: ChatCompletionRequest,
  options: OpenAICompatibleRequestOptions,
): OpenAICompatibleRequestTranslation {
  const { preset, providerName } = options;
  if (request.model === undefined) throw invalidRequest("'model' is required by the provider.", "model");
  const context: PresetRequestContext = { providerName, model: request.model, modelInfo: options.modelInfo };
  const warnings: Warning[] = [];
  let source = request;
  if (preset.prepareRequest !== undefined) {
    const prepared = preset.prepareRequest(request, context);
    source = prepared.value;
    warnings.push(...prepared.warnings);
  }
  const { gateway: _gateway, extensions, messages, ...fields } = source;
  const body: JsonObject = { ...fields };

  warnings.push(...translateTools(body, preset, providerName));
  if (preset.maxTokensOnly && body["max_completion_tokens"] != null) {
    body["max_tokens"] = body["max_completion_tokens"];
    delete body["max_completion_tokens"];
  }
  warnings.push(...mapReasoningEffort(body, preset, providerName));

  const ids = createToolCallIdMap(preset.toolCallIds);
  const translatedMessages = translateMessages(messages, preset, ids, providerName);
  warnings.push(...translatedMessages.warnings);
  body["messages"] = translatedMessages.value;

  if (body["stream"] === true && preset.streamUsage === "include-usage") {
    body["stream_options"] = { include_usage: true };
  } else {
    delete body["stream_options"];
  }

  const filtered = filterUnsupportedFields(body, {
    supported: preset.supportedFields,
    rejected: preset.unsupportedFieldsForModel?.(context),
    target: providerName,
  });
  warnings.push(...filtered.warnings);
  const value = filtered.value;
  for (const [field, upstreamField] of Object.entries(preset.renamedFields ?? {})) {
    if (field in value) {
      value[upstreamField] = value[field];
      delete value[field];
    }
  }
  const extension = (extensions as JsonObject | undefined)?.[providerName];
  if (isJsonObject(extension)) Object.assign(value, extension);
  return { value: value as OpenAICompatibleRequestBody, warnings, toolCallIds: ids };
}
