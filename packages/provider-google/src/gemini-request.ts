import {
  type ChatCompletionRequest,
  invalidRequest,
  type ModelInfo,
  type Translation,
} from "@switchyard/core";
import { convertToGeminiContents } from "./convert-to-gemini-contents";
import type { GeminiRequest } from "./gemini-api";
import { buildGeminiGenerationConfig } from "./gemini-generation-config";
import { geminiModelTraits } from "./gemini-models";
import { mapGeminiTools } from "./map-gemini-tools";

/** Options of `chatRequestToGemini`. */
export interface ChatToGeminiOptions {
  /** The catalog's knowledge of the model (a model that does not reason gets no `thinkingConfig`). */
  model?: ModelInfo;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Merges `extension` into `base`: objects merge key by key, anything else replaces. */
export function deepMerge(
  base: Record<string, unknown>,
  extension: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extension)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/**
 * Translates a Chat Completions request into the body of Gemini `generateContent` (the model goes in the
 * URL). `extensions.google` is merged into the body last; `gateway` is never sent.
 */
export function chatRequestToGemini(
  request: ChatCompletionRequest,
  options: ChatToGeminiOptions = {},
): Translation<GeminiRequest> {
  if (request.model === undefined) throw invalidRequest("is required", "model");
  const traits = geminiModelTraits(request.model);
  const contents = convertToGeminiContents(request.messages, traits);
  const tools = mapGeminiTools(request, traits);
  const generationConfig = buildGeminiGenerationConfig(request, traits, options.model);

  const body: GeminiRequest = { contents: contents.value.contents };
  if (contents.value.systemInstruction) body.systemInstruction = contents.value.systemInstruction;
  if (tools.value.tools) body.tools = tools.value.tools;
  if (tools.value.toolConfig) body.toolConfig = tools.value.toolConfig;
  if (generationConfig.value) body.generationConfig = generationConfig.value;

  const extension = request.extensions?.google;
  const value = extension === undefined ? body : (deepMerge(body, extension) as GeminiRequest);
  return { value, warnings: [...contents.warnings, ...tools.warnings, ...generationConfig.warnings] };
}
