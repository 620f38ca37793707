import {
  type ChatCompletionRequest,
  type ChatMessage,
  invalidRequest,
  type ModelInfo,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { openAIModelProfile, resolveReasoningEffort } from "./openai-reasoning-models";

/** A JSON request body as it is sent upstream. */
export type OpenAIRequestBody = Record<string, unknown>;

/** Options of `chatRequestToOpenAI`. */
export interface OpenAIChatRequestOptions {
  /** Whether the body is for a streaming call: sets `stream` and `stream_options.include_usage`. */
  stream: boolean;
  /** What the catalog knows of the model; `reasoning: true` marks an unknown id as a reasoning model. */
  model?: ModelInfo;
}

/** Sampling parameters no OpenAI reasoning model accepts. */
const ALWAYS_REJECTED = ["presence_penalty", "frequency_penalty", "logit_bias"] as const;

/** Sampling parameters GPT-5.1 and later accept at effort `none`, and every other reasoning model rejects. */
const ACCEPTED_ONLY_AT_EFFORT_NONE = ["temperature", "top_p", "logprobs", "top_logprobs"] as const;

/** Hub fields for other upstreams (vLLM, Anthropic, Google) that OpenAI rejects as unknown arguments. */
const NOT_OPENAI = ["top_k", "min_p", "top_a", "repetition_penalty"] as const;

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The request's `model`, which the router always sets to the provider's model id. */
export function requireModel(request: { model?: string | undefined }): string {
  if (request.model === undefined)
    throw invalidRequest("'model' is required by the OpenAI provider", "model");
  return request.model;
}

/**
 * Applies the parameter rules of OpenAI's reasoning models to a Chat request: `max_tokens` becomes
 * `max_completion_tokens`, rejected sampling parameters are removed (a warning each), the gateway's
 * `reasoning_effort` values `off` and `max` become OpenAI's, and hub-only sampling fields are removed.
 * Used both on the Chat path and before translating to Responses, which rejects the same parameters.
 */
export function applyOpenAIParameterRules(
  request: ChatCompletionRequest,
  model?: ModelInfo,
): Translation<ChatCompletionRequest> {
  const modelId = requireModel(request);
  const profile = openAIModelProfile(modelId, model);
  const result: ChatCompletionRequest = { ...request };
  const warnings: Warning[] = [];
  const remove = (field: string, warning?: Warning) => {
    const present = isSet(result[field]);
    delete result[field];
    if (present && warning !== undefined) warnings.push(warning);
  };

  for (const field of NOT_OPENAI) remove(field, unsupportedParameter(field, "OpenAI"));

  if (isSet(result.reasoning_effort)) {
    const resolution = resolveReasoningEffort(String(result.reasoning_effort), profile, modelId);
    if (resolution.warning !== undefined) warnings.push(resolution.warning);
    if (resolution.effort === undefined) delete result.reasoning_effort;
    else result.reasoning_effort = resolution.effort as ChatCompletionRequest["reasoning_effort"];
  }
  if (!profile.reasoning) return { value: result, warnings };

  const target = `OpenAI reasoning model '${modelId}'`;
  const effort = result.reasoning_effort ?? profile.defaultEffort;
  if (!(profile.samplingWithEffortNone && effort === "none")) {
    const detail = profile.samplingWithEffortNone
      ? "it is accepted only with reasoning_effort 'none'"
      : "reasoning models use their default sampling";
    for (const field of ACCEPTED_ONLY_AT_EFFORT_NONE)
      remove(field, unsupportedParameter(field, target, detail));
  }
  for (const field of ALWAYS_REJECTED) {
    remove(field, unsupportedParameter(field, target, "reasoning models use their default sampling"));
  }

  // Reasoning models reject `max_tokens` and name `max_completion_tokens` instead:
  // https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_tokens
  if (isSet(result.max_tokens)) {
    if (isSet(result.max_completion_tokens)) {
      warnings.push({
        type: "adjusted_parameter",
        code: "max_tokens",
        message: `max_tokens was removed: ${target} takes max_completion_tokens, which the request also sets.`,
      });
    } else {
      result.max_completion_tokens = result.max_tokens;
    }
  }
  delete result.max_tokens;
  return { value: result, warnings };
}

const REASONING_FIELDS = ["reasoning_content", "reasoning", "reasoning_details"] as const;

const isPresent = (field: (typeof REASONING_FIELDS)[number], value: unknown): boolean =>
  field === "reasoning_details" ? Array.isArray(value) && value.length > 0 : isSet(value) && value !== "";

/**
 * Removes reasoning text and reasoning state from assistant messages in history: OpenAI Chat Completions
 * has no field to take them back (only the Responses API replays reasoning items), and rejects the unknown
 * fields. One warning per field, naming the messages and, for `reasoning_details`, their formats.
 */
export function stripReasoningFromHistory(messages: readonly ChatMessage[]): Translation<ChatMessage[]> {
  const found = new Map<string, number[]>();
  const formats = new Set<string>();
  const value = messages.map((message, index) => {
    if (message.role !== "assistant" || !REASONING_FIELDS.some((field) => field in message)) return message;
    const copy: ChatMessage = { ...message };
    for (const field of REASONING_FIELDS) {
      if (isPresent(field, copy[field])) {
        found.set(field, [...(found.get(field) ?? []), index]);
        if (field === "reasoning_details") {
          for (const detail of message.reasoning_details ?? []) formats.add(detail.format ?? "unknown");
        }
      }
      delete copy[field];
    }
    return copy;
  });
  const warnings = [...found].map(([field, indexes]): Warning => {
    const where = indexes.map((index) => `messages[${index}]`).join(", ");
    const origin = field === "reasoning_details" ? ` (formats: ${[...formats].sort().join(", ")})` : "";
    return {
      type: "dropped_content",
      code: field,
      message: `Dropped '${field}'${origin} from ${where}: OpenAI Chat Completions takes no reasoning in history.`,
    };
  });
  return { value, warnings };
}

/** Removes `cache_control` hints (an Anthropic extension) from messages, content parts and tools. */
function stripCacheControl(request: ChatCompletionRequest): Translation<ChatCompletionRequest> {
  let count = 0;
  const strip = <T extends object>(item: T): T => {
    if (!("cache_control" in item)) return item;
    const copy: Record<string, unknown> = { ...item };
    if (isSet(copy.cache_control)) count += 1;
    delete copy.cache_control;
    return copy as T;
  };
  const messages = request.messages.map((message) => {
    const stripped = strip(message);
    if (!("content" in stripped) || !Array.isArray(stripped.content)) return stripped;
    return { ...stripped, content: stripped.content.map((part: object) => strip(part)) } as ChatMessage;
  });
  const result: ChatCompletionRequest = { ...request, messages };
  if (request.tools !== undefined) result.tools = request.tools.map((tool) => strip(tool));
  const warnings =
    count === 0
      ? []
      : [
          unsupportedParameter(
            "cache_control",
            "OpenAI",
            `OpenAI caches prompt prefixes automatically; ${count} hint${count === 1 ? " was" : "s were"} removed`,
          ),
        ];
  return { value: result, warnings };
}

/**
 * The upstream body of a Chat request to OpenAI. Chat is passed through; only what OpenAI demands is
 * rewritten (see `applyOpenAIParameterRules` and `stripReasoningFromHistory`). `gateway` is never sent,
 * `extensions.openai` is merged last, field by field, and may override anything. A streaming body always
 * asks for usage (`stream_options.include_usage: true`) so cost can be computed; a non-streaming body
 * carries neither `stream` nor `stream_options`, which OpenAI accepts only when streaming.
 */
export function chatRequestToOpenAI(
  request: ChatCompletionRequest,
  options: OpenAIChatRequestOptions,
): Translation<OpenAIRequestBody> {
  const parameters = applyOpenAIParameterRules(request, options.model);
  const cached = stripCacheControl(parameters.value);
  const history = stripReasoningFromHistory(cached.value.messages);
  const { gateway: _gateway, extensions, ...body } = { ...cached.value, messages: history.value };
  if (options.stream) {
    body.stream = true;
    body.stream_options = { ...body.stream_options, include_usage: true };
  } else {
    delete body.stream;
    delete body.stream_options;
  }
  return {
    value: { ...body, ...extensions?.openai },
    warnings: [...parameters.warnings, ...cached.warnings, ...history.warnings],
  };
}
