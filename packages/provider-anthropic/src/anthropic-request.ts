import type { AnthropicMessagesRequest, AnthropicOutputConfig } from "@switchyard/anthropic-api";
import {
  type ChatCompletionRequest,
  invalidRequest,
  type ModelInfo,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { anthropicModelProfile } from "./anthropic-model-profile";
import { createToolNameMap } from "./anthropic-tool-ids";
import { convertToAnthropicMessages } from "./convert-to-anthropic-messages";
import { placeCacheBreakpoints } from "./map-anthropic-cache-control";
import { mapAnthropicSampling } from "./map-anthropic-sampling";
import { mapStructuredOutput } from "./map-anthropic-structured-output";
import { mapAnthropicThinking } from "./map-anthropic-thinking";
import { mapAnthropicTools } from "./map-anthropic-tools";

/** Options of `chatRequestToAnthropic`. */
export interface AnthropicRequestOptions {
  /** What the catalog knows of the model: `maxOutputTokens` is the default `max_tokens`. */
  model?: ModelInfo;
  /** Sets `stream: true` on the body. */
  stream?: boolean;
}

/** A Messages request ready to send, plus what the answer's translation needs to know. */
export interface AnthropicRequestPlan {
  body: AnthropicMessagesRequest;
  /** Values for the `anthropic-beta` header (from `extensions.anthropic.betas`). */
  betas: string[];
  /** Anthropic tool name to Chat tool name, for names that were rewritten. */
  toolNames: Record<string, string>;
  /** The tool standing in for `response_format` on models without native structured output. */
  structuredOutputTool?: string;
}

const UNSUPPORTED_FIELDS = [
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "seed",
  "presence_penalty",
  "frequency_penalty",
  "min_p",
  "top_a",
  "repetition_penalty",
  "modalities",
  "audio",
  "prediction",
  "web_search_options",
  "verbosity",
  "functions",
  "function_call",
] as const;

const TARGET = "Anthropic";

function unsupportedFieldWarnings(request: ChatCompletionRequest, warnings: Warning[]): void {
  for (const field of UNSUPPORTED_FIELDS)
    if (request[field] != null) warnings.push(unsupportedParameter(field, TARGET));
  if (request.n != null && request.n > 1)
    warnings.push(unsupportedParameter("n", TARGET, "one choice is returned"));
  if (request.store === true) warnings.push(unsupportedParameter("store", TARGET));
  if (request.metadata != null && Object.keys(request.metadata).length > 0)
    warnings.push(unsupportedParameter("metadata", TARGET, "Anthropic's metadata only carries a user id"));
  if (request.service_tier != null && request.service_tier !== "auto")
    warnings.push(
      unsupportedParameter("service_tier", TARGET, `tier '${request.service_tier}' does not exist there`),
    );
}

/** Anthropic's cache TTLs are 5m (default) and 1h; `prompt_cache_retention: 24h` asks for the longest. */
function cacheTtl(request: ChatCompletionRequest, warnings: Warning[]): "1h" | undefined {
  const retention = request.prompt_cache_retention;
  if (retention == null || retention === "in_memory") return undefined;
  if (retention === "24h") {
    warnings.push({
      type: "adjusted_parameter",
      code: "prompt_cache_retention",
      message: "prompt_cache_retention '24h' was sent as a 1h cache TTL, the longest Anthropic offers.",
    });
    return "1h";
  }
  warnings.push(unsupportedParameter("prompt_cache_retention", TARGET));
  return undefined;
}

function stopSequences(stop: string | string[] | null | undefined): string[] | undefined {
  if (stop == null) return undefined;
  const list = (typeof stop === "string" ? [stop] : stop).filter((sequence) => sequence !== "");
  return list.length === 0 ? undefined : list;
}

/** Splits `extensions.anthropic` into body fields and the `betas` header list. */
function anthropicExtensions(request: ChatCompletionRequest): {
  fields: Record<string, unknown>;
  betas: string[];
} {
  const { betas, ...fields } = request.extensions?.anthropic ?? {};
  if (betas === undefined) return { fields, betas: [] };
  if (!Array.isArray(betas) || betas.some((beta) => typeof beta !== "string"))
    throw invalidRequest(
      "extensions.anthropic.betas: expected an array of strings",
      "extensions.anthropic.betas",
    );
  return { fields, betas: betas as string[] };
}

/**
 * Translates a Chat Completions request into an Anthropic Messages request: system prompt, turns, tools,
 * thinking, sampling, structured output, cache breakpoints and passthrough fields. What has no equivalent
 * becomes a warning; what cannot be served faithfully throws a 400 `GatewayError` naming the field.
 */
export function chatRequestToAnthropic(
  request: ChatCompletionRequest,
  options: AnthropicRequestOptions = {},
): Translation<AnthropicRequestPlan> {
  const model = request.model;
  if (model === undefined) throw invalidRequest("model: is required", "model");
  const warnings: Warning[] = [];
  const profile = anthropicModelProfile(model);
  unsupportedFieldWarnings(request, warnings);
  const names = createToolNameMap();
  const toolsPlan = mapAnthropicTools(request, names, profile.nativeStructuredOutput, warnings);
  const conversation = convertToAnthropicMessages(request.messages, names, warnings);
  const structured = mapStructuredOutput(request, profile, toolsPlan, names, warnings);
  const maxTokens =
    request.max_completion_tokens ??
    request.max_tokens ??
    options.model?.maxOutputTokens ??
    profile.defaultMaxTokens;
  const thinking = mapAnthropicThinking(
    request.reasoning_effort,
    profile,
    maxTokens,
    structured.toolChoice,
    warnings,
  );
  const sampling = mapAnthropicSampling(request, profile, thinking.active, warnings);
  placeCacheBreakpoints(
    { tools: structured.tools, system: conversation.system, messages: conversation.messages },
    request.prompt_cache_key,
    cacheTtl(request, warnings),
    warnings,
  );
  const body: AnthropicMessagesRequest = { model, max_tokens: maxTokens, messages: conversation.messages };
  if (conversation.system.length > 0) body.system = conversation.system;
  Object.assign(body, sampling);
  const stop = stopSequences(request.stop);
  if (stop !== undefined) body.stop_sequences = stop;
  if (structured.tools.length > 0) body.tools = structured.tools;
  if (thinking.toolChoice !== undefined) body.tool_choice = thinking.toolChoice;
  if (thinking.thinking !== undefined) body.thinking = thinking.thinking;
  const outputConfig: AnthropicOutputConfig = {};
  if (thinking.effort !== undefined) outputConfig.effort = thinking.effort;
  if (structured.format !== undefined) outputConfig.format = structured.format;
  if (Object.keys(outputConfig).length > 0) body.output_config = outputConfig;
  const userId = request.safety_identifier ?? request.user;
  if (userId !== undefined) body.metadata = { user_id: userId };
  if (request.service_tier === "auto") body.service_tier = "auto";
  if (options.stream === true) body.stream = true;
  const extensions = anthropicExtensions(request);
  Object.assign(body, extensions.fields);
  const plan: AnthropicRequestPlan = {
    body,
    betas: extensions.betas,
    toolNames: Object.fromEntries(names.rewritten),
  };
  if (structured.tool !== undefined) plan.structuredOutputTool = structured.tool;
  return { value: plan, warnings };
}
