import {
  type ChatCompletionRequest,
  type ChatMessage,
  invalidRequest,
  operationNotAllowed,
  parseOrThrow,
  type ResponsesRequest,
  ResponsesRequestSchema,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { textFormatToResponseFormat } from "./map-text-format";
import { responsesToolChoiceToChat } from "./map-tool-choice";
import { responsesToolsToChat } from "./map-tools";
import { responsesInputToChatMessages } from "./responses-input-to-chat-messages";
import { createToolSurface, type ToolSurface } from "./tools/tool-surface";

const TARGET = "Chat Completions upstreams";
const LOGPROBS_INCLUDE = "message.output_text.logprobs";
/** `include` values a Chat upstream satisfies by itself (reasoning state is returned whenever it exists). */
const SATISFIED_INCLUDES = new Set([LOGPROBS_INCLUDE, "reasoning.encrypted_content"]);

/** Responses fields translated below; every other field passes through unchanged. */
const TRANSLATED_FIELDS = new Set([
  "model",
  "input",
  "instructions",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "max_output_tokens",
  "max_tool_calls",
  "temperature",
  "top_p",
  "top_k",
  "top_logprobs",
  "frequency_penalty",
  "presence_penalty",
  "stream",
  "stream_options",
  "text",
  "reasoning",
  "truncation",
  "metadata",
  "include",
  "user",
  "store",
  "previous_response_id",
  "background",
  "conversation",
  "prompt",
  "prompt_cache_key",
  "prompt_cache_retention",
  "safety_identifier",
  "service_tier",
  "gateway",
  "extensions",
]);

/** Refuses the features that need a response store or OpenAI-hosted state. */
function refuseStatefulFeatures(request: ResponsesRequest): void {
  const needsStore = "needs a response store, which this gateway does not have yet";
  if (request.store === true) {
    throw operationNotAllowed("store", `store: true ${needsStore}; send store: false (or omit it).`);
  }
  if (request.previous_response_id != null) {
    throw operationNotAllowed(
      "previous_response_id",
      `previous_response_id ${needsStore}; send the earlier turns in input instead.`,
    );
  }
  if (request.conversation != null) {
    throw operationNotAllowed(
      "conversation",
      `conversation ${needsStore}; send the earlier turns in input instead.`,
    );
  }
  if (request.background === true) {
    throw operationNotAllowed(
      "background",
      `background: true ${needsStore}; send background: false (or omit it).`,
    );
  }
  if (request.prompt != null) {
    throw operationNotAllowed(
      "prompt",
      "prompt references a prompt template stored at OpenAI, which a Chat Completions upstream cannot resolve; send instructions and input instead.",
    );
  }
}

/** `input` (a string or items) plus `instructions` -> `messages`. */
function toMessages(request: ResponsesRequest, warnings: Warning[], surface: ToolSurface): ChatMessage[] {
  const { input } = request;
  if (input === undefined) throw invalidRequest("input: is required.", "input");
  if (input.length === 0) throw invalidRequest("input: must not be empty.", "input");
  const messages: ChatMessage[] =
    typeof input === "string"
      ? [{ role: "user", content: input }]
      : responsesInputToChatMessages(input, warnings, surface);
  if (request.instructions != null) messages.unshift({ role: "system", content: request.instructions });
  return messages;
}

/**
 * A Responses request -> a Chat Completions request (the first of the four translations). Throws a 400
 * `GatewayError` naming the field for what a Chat upstream cannot serve; returns a warning for each field it
 * had to drop. With `stream: true` it asks for a final usage chunk.
 */
export function responsesRequestToChat(input: ResponsesRequest): Translation<ChatCompletionRequest> {
  const request = parseOrThrow(ResponsesRequestSchema, input);
  refuseStatefulFeatures(request);
  const warnings: Warning[] = [];
  const surface = createToolSurface(request.tools);
  const chat: ChatCompletionRequest = { messages: toMessages(request, warnings, surface) };
  if (request.model !== undefined) chat.model = request.model;

  if (request.tools !== undefined) {
    const strictTools = request.gateway?.strict_tools === true;
    const plan = responsesToolsToChat(request.tools, warnings, { surface, strictTools });
    if (plan.tools.length > 0 || request.tools.length === 0) chat.tools = plan.tools;
    if (plan.webSearchOptions !== undefined) chat.web_search_options = plan.webSearchOptions;
  }
  if (request.tool_choice !== undefined)
    chat.tool_choice = responsesToolChoiceToChat(request.tool_choice, surface);
  if (request.parallel_tool_calls != null) chat.parallel_tool_calls = request.parallel_tool_calls;
  if (request.max_output_tokens != null) chat.max_completion_tokens = request.max_output_tokens;
  if (request.max_tool_calls != null) warnings.push(unsupportedParameter("max_tool_calls", TARGET));

  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.top_k != null) chat.top_k = request.top_k;
  if (request.frequency_penalty != null) chat.frequency_penalty = request.frequency_penalty;
  if (request.presence_penalty != null) chat.presence_penalty = request.presence_penalty;

  const include = request.include ?? [];
  if (include.includes(LOGPROBS_INCLUDE) || (request.top_logprobs ?? 0) > 0) chat.logprobs = true;
  if (request.top_logprobs != null) chat.top_logprobs = request.top_logprobs;
  include.forEach((value, index) => {
    if (!SATISFIED_INCLUDES.has(value)) {
      warnings.push(unsupportedParameter(`include[${index}]`, TARGET, `'${value}' has no Chat equivalent`));
    }
  });

  if (request.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
    const obfuscation = request.stream_options?.include_obfuscation;
    if (obfuscation !== undefined) chat.stream_options.include_obfuscation = obfuscation;
  } else if (request.stream === false) {
    chat.stream = false;
  }

  if (request.text?.format !== undefined)
    chat.response_format = textFormatToResponseFormat(request.text.format);
  if (request.text?.verbosity != null) chat.verbosity = request.text.verbosity;
  if (request.reasoning?.effort != null) chat.reasoning_effort = request.reasoning.effort;
  const summary = request.reasoning?.summary ?? request.reasoning?.generate_summary;
  if (summary != null) {
    warnings.push(
      unsupportedParameter(
        "reasoning.summary",
        TARGET,
        "reasoning text is returned when the model provides it",
      ),
    );
  }
  if (request.truncation === "auto") {
    warnings.push(
      unsupportedParameter("truncation", TARGET, "input is never truncated; a too-long input fails"),
    );
  }

  if (request.metadata != null) chat.metadata = request.metadata;
  if (request.user !== undefined) chat.user = request.user;
  if (request.safety_identifier !== undefined) chat.safety_identifier = request.safety_identifier;
  if (request.prompt_cache_key !== undefined) chat.prompt_cache_key = request.prompt_cache_key;
  if (request.prompt_cache_retention != null) chat.prompt_cache_retention = request.prompt_cache_retention;
  if (request.service_tier != null) chat.service_tier = request.service_tier;
  if (request.gateway !== undefined) chat.gateway = request.gateway;
  if (request.extensions !== undefined) chat.extensions = request.extensions;

  for (const [field, value] of Object.entries(request)) {
    if (!TRANSLATED_FIELDS.has(field)) chat[field] = value;
  }
  return { value: chat, warnings };
}
