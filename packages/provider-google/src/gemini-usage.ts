import type { ChatUsage } from "@switchyard/core";
import type { GeminiUsageMetadata } from "./gemini-api";

const modalityCount = (details: GeminiUsageMetadata["promptTokensDetails"], modality: string) =>
  details?.find((detail) => detail.modality === modality)?.tokenCount;

/** Whether a `usageMetadata` holds token counts (stream frames before the last may carry none). */
export function hasGeminiTokenCounts(usage: GeminiUsageMetadata | undefined): usage is GeminiUsageMetadata {
  return usage?.promptTokenCount !== undefined || usage?.candidatesTokenCount !== undefined;
}

/**
 * Maps `usageMetadata` to Chat usage. Prompt tokens are `promptTokenCount` (which already includes
 * `cachedContentTokenCount`) plus `toolUsePromptTokenCount`; completion tokens are `candidatesTokenCount`
 * plus `thoughtsTokenCount`, the latter also reported as `reasoning_tokens` (as OpenAI counts reasoning
 * inside completion tokens). https://ai.google.dev/api/generate-content#UsageMetadata
 */
export function geminiUsageToChat(usage: GeminiUsageMetadata): ChatUsage {
  const prompt = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0);
  const thoughts = usage.thoughtsTokenCount ?? 0;
  const completion = (usage.candidatesTokenCount ?? 0) + thoughts;
  const chat: ChatUsage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.totalTokenCount ?? prompt + completion,
  };
  const cached = usage.cachedContentTokenCount;
  const audio = modalityCount(usage.promptTokensDetails, "AUDIO");
  if (cached !== undefined || audio !== undefined) {
    chat.prompt_tokens_details = {
      ...(cached !== undefined ? { cached_tokens: cached } : {}),
      ...(audio !== undefined ? { audio_tokens: audio } : {}),
    };
  }
  if (usage.thoughtsTokenCount !== undefined) chat.completion_tokens_details = { reasoning_tokens: thoughts };
  return chat;
}
