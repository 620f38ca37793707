import type { ChatCompletionRequest, ModelInfo } from "@switchyard/core";
import {
  chatRequestToOpenAICompatible,
  type OpenAICompatibleRequestTranslation,
} from "@switchyard/provider-openai-compatible";
import { deepSeekPreset } from "./deepseek-preset";

/** Translates a Chat request into DeepSeek's body: thinking controls, reasoning history, field filter. */
export function chatRequestToDeepSeek(
  request: ChatCompletionRequest,
  modelInfo?: ModelInfo,
): OpenAICompatibleRequestTranslation {
  return chatRequestToOpenAICompatible(request, {
    preset: deepSeekPreset,
    providerName: "deepseek",
    modelInfo,
  });
}
