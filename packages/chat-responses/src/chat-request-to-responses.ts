import {
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  type ChatMessage,
  parseOrThrow,
  type ResponsesRequest,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { chatMessagesToResponsesInput } from "./chat-messages-to-responses-input";
import { responseFormatToTextFormat } from "./map-text-format";
import { chatToolChoiceToResponses } from "./map-tool-choice";
import { chatToolsToResponses } from "./map-tools";

const TARGET = "the Responses API";
const LOGPROBS_INCLUDE = "message.output_text.logprobs";

/** Chat fields with no Responses equivalent: each one sent becomes a warning. */
const UNSUPPORTED_FIELDS = [
  "stop",
  "seed",
  "logit_bias",
  "min_p",
  "top_a",
  "repetition_penalty",
  "audio",
  "prediction",
  "web_search_options",
  "functions",
  "function_call",
] as const;

/** Chat fields translated below; every other field passes through unchanged. */
const TRANSLATED_FIELDS = new Set<string>([
  ...UNSUPPORTED_FIELDS,
  "model",
  "messages",
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "top_k",
  "n",
  "max_tokens",
  "max_completion_tokens",
  "presence_penalty",
  "frequency_penalty",
  "logprobs",
  "top_logprobs",
  "user",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "response_format",
  "reasoning_effort",
  "verbosity",
  "prompt_cache_key",
  "prompt_cache_retention",
  "safety_identifier",
  "metadata",
  "store",
  "service_tier",
  "modalities",
  "gateway",
  "extensions",
]);

/** A leading system or developer message with plain-string content becomes `instructions`. */
function splitInstructions(messages: readonly ChatMessage[]): {
  instructions?: string;
  rest: readonly ChatMessage[];
} {
  const first = messages[0];
  const isInstruction =
    first !== undefined &&
    (first.role === "system" || first.role === "developer") &&
    typeof first.content === "string" &&
    first.name === undefined &&
    first.cache_control === undefined &&
    messages.length > 1;
  if (!isInstruction) return { rest: messages };
  return { instructions: first.content as string, rest: messages.slice(1) };
}

/**
 * A Chat Completions request -> a Responses request (the third translation), to serve Responses-only models
 * on `/v1/chat/completions`. `store` is sent as false unless the client asked to store (Chat's default, where
 * the Responses API defaults to true). Fields without a Responses equivalent become warnings.
 */
export function chatRequestToResponses(input: ChatCompletionRequest): Translation<ResponsesRequest> {
  const request = parseOrThrow(ChatCompletionRequestSchema, input);
  const warnings: Warning[] = [];
  const { instructions, rest } = splitInstructions(request.messages);
  const firstIndex = request.messages.length - rest.length;
  const responses: ResponsesRequest = {};
  if (request.model !== undefined) responses.model = request.model;
  if (instructions !== undefined) responses.instructions = instructions;
  responses.input = chatMessagesToResponsesInput(rest, warnings, firstIndex);

  if (request.tools !== undefined) responses.tools = chatToolsToResponses(request.tools, warnings);
  if (request.tool_choice !== undefined)
    responses.tool_choice = chatToolChoiceToResponses(request.tool_choice);
  if (request.parallel_tool_calls !== undefined) responses.parallel_tool_calls = request.parallel_tool_calls;

  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) responses.max_output_tokens = maxTokens;
  if (
    request.max_completion_tokens != null &&
    request.max_tokens != null &&
    request.max_tokens !== request.max_completion_tokens
  ) {
    warnings.push({
      type: "adjusted_parameter",
      code: "max_tokens",
      message: "Both 'max_tokens' and 'max_completion_tokens' were sent; 'max_completion_tokens' was used.",
    });
  }
  if (request.temperature != null) responses.temperature = request.temperature;
  if (request.top_p != null) responses.top_p = request.top_p;
  if (request.top_k != null) responses.top_k = request.top_k;
  if (request.frequency_penalty != null) responses.frequency_penalty = request.frequency_penalty;
  if (request.presence_penalty != null) responses.presence_penalty = request.presence_penalty;
  if (request.logprobs === true) responses.include = [LOGPROBS_INCLUDE];
  if (request.top_logprobs != null) responses.top_logprobs = request.top_logprobs;

  if (request.stream != null) responses.stream = request.stream;
  const obfuscation = request.stream_options?.include_obfuscation;
  if (request.stream === true && obfuscation !== undefined) {
    responses.stream_options = { include_obfuscation: obfuscation };
  }

  if (request.response_format !== undefined || request.verbosity != null) {
    responses.text = {
      ...(request.response_format === undefined
        ? {}
        : { format: responseFormatToTextFormat(request.response_format) }),
      ...(request.verbosity == null ? {} : { verbosity: request.verbosity }),
    };
  }
  if (request.reasoning_effort != null) responses.reasoning = { effort: request.reasoning_effort };

  if (request.metadata != null) responses.metadata = request.metadata;
  if (request.user !== undefined) responses.user = request.user;
  if (request.safety_identifier !== undefined) responses.safety_identifier = request.safety_identifier;
  if (request.prompt_cache_key !== undefined) responses.prompt_cache_key = request.prompt_cache_key;
  if (request.prompt_cache_retention != null)
    responses.prompt_cache_retention = request.prompt_cache_retention;
  if (request.service_tier != null) responses.service_tier = request.service_tier;
  responses.store = request.store ?? false;
  if (request.gateway !== undefined) responses.gateway = request.gateway;
  if (request.extensions !== undefined) responses.extensions = request.extensions;

  if (request.n != null && request.n !== 1) {
    warnings.push(unsupportedParameter("n", TARGET, "a Response holds one output"));
  }
  const modalities = request.modalities ?? ["text"];
  if (modalities.some((modality) => modality !== "text")) {
    warnings.push(unsupportedParameter("modalities", TARGET, "only text output is available"));
  }
  for (const field of UNSUPPORTED_FIELDS) {
    if (request[field] != null) warnings.push(unsupportedParameter(field, TARGET));
  }
  for (const [field, value] of Object.entries(request)) {
    if (!TRANSLATED_FIELDS.has(field)) responses[field] = value;
  }
  return { value: responses, warnings };
}
