import {
  type ChatCompletionRequest,
  type ModelInfo,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { convertJsonSchemaToGemini } from "./convert-json-schema-to-gemini";
import type { GeminiGenerationConfig } from "./gemini-api";
import type { GeminiModelTraits } from "./gemini-models";
import { mapGeminiThinking } from "./map-gemini-thinking";

/** Chat fields Gemini has no equivalent for, and the values that need no warning (defaults). */
const unsupportedFields: readonly {
  field: keyof ChatCompletionRequest;
  harmless?: (value: unknown) => boolean;
}[] = [
  { field: "logit_bias" },
  { field: "min_p" },
  { field: "top_a" },
  { field: "repetition_penalty" },
  { field: "user" },
  { field: "metadata" },
  { field: "store", harmless: (value) => value === false },
  { field: "service_tier", harmless: (value) => value === "auto" || value === "default" },
  { field: "prompt_cache_key" },
  { field: "prompt_cache_retention" },
  { field: "safety_identifier" },
  { field: "verbosity" },
  {
    field: "modalities",
    harmless: (value) => Array.isArray(value) && value.length === 1 && value[0] === "text",
  },
  { field: "audio" },
  { field: "prediction" },
  { field: "web_search_options" },
];

function responseFormat(
  request: ChatCompletionRequest,
  traits: GeminiModelTraits,
  config: GeminiGenerationConfig,
  warnings: Warning[],
) {
  const format = request.response_format;
  if (format === undefined || format.type === "text") return;
  config.responseMimeType = "application/json";
  if (format.type !== "json_schema" || format.json_schema.schema === undefined) return;
  if (traits.jsonSchema) {
    config.responseJsonSchema = format.json_schema.schema;
    return;
  }
  const converted = convertJsonSchemaToGemini(
    format.json_schema.schema,
    "response_format.json_schema.schema",
  );
  warnings.push(...converted.warnings);
  config.responseSchema = converted.value;
}

/**
 * Builds `generationConfig`: sampling (temperature, topP, topK, seed, penalties), `maxOutputTokens` from
 * `max_completion_tokens` or `max_tokens`, `stopSequences`, `candidateCount` from `n`, logprobs,
 * `response_format` as `responseMimeType` plus `responseJsonSchema` (or the OpenAPI-subset
 * `responseSchema` on models before 2.5) and `reasoning_effort` as `thinkingConfig`. Chat fields without a
 * Gemini equivalent become warnings.
 */
export function buildGeminiGenerationConfig(
  request: ChatCompletionRequest,
  traits: GeminiModelTraits,
  model?: ModelInfo,
): Translation<GeminiGenerationConfig | undefined> {
  const warnings: Warning[] = [];
  const config: GeminiGenerationConfig = {};
  if (request.temperature != null) config.temperature = request.temperature;
  if (request.top_p != null) config.topP = request.top_p;
  if (request.top_k != null) config.topK = request.top_k;
  if (request.n != null && request.n !== 1) config.candidateCount = request.n;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) config.maxOutputTokens = maxTokens;
  if (request.stop != null) {
    const stop = typeof request.stop === "string" ? [request.stop] : request.stop;
    if (stop.length > 0) config.stopSequences = stop;
  }
  if (request.seed != null) config.seed = request.seed;
  if (request.presence_penalty != null) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty != null) config.frequencyPenalty = request.frequency_penalty;
  if (request.logprobs === true && model?.logprobs === false) {
    // The catalog says this model returns no logprobs, which Gemini would refuse: dropped, as every
    // parameter a model cannot honour is (server README, "Request rules").
    warnings.push(unsupportedParameter("logprobs", "this Gemini model", "it returns no logprobs"));
  } else if (request.logprobs === true) {
    config.responseLogprobs = true;
    if (request.top_logprobs != null) config.logprobs = request.top_logprobs;
  }
  responseFormat(request, traits, config, warnings);

  const thinking = mapGeminiThinking(request.reasoning_effort, traits, model?.reasoning ?? true);
  warnings.push(...thinking.warnings);
  if (thinking.value !== undefined) config.thinkingConfig = thinking.value;

  for (const { field, harmless } of unsupportedFields) {
    const value = request[field];
    if (value === undefined || value === null || harmless?.(value)) continue;
    warnings.push(unsupportedParameter(field, "Gemini"));
  }
  return { value: Object.keys(config).length > 0 ? config : undefined, warnings };
}
