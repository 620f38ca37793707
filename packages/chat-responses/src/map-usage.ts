import type { ChatUsage, ResponseUsage } from "@switchyard/core";

/**
 * Chat `usage` -> Responses `usage`. Cached and reasoning token counts default to 0 as the Response object
 * requires them; `cache_write_tokens` (Switchyard's Chat extension) maps to the field of the same name in
 * `input_tokens_details` when the upstream reported it.
 */
export function chatUsageToResponses(usage: ChatUsage): ResponseUsage {
  const cacheWriteTokens = usage.prompt_tokens_details?.cache_write_tokens;
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: {
      cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
      ...(cacheWriteTokens == null ? {} : { cache_write_tokens: cacheWriteTokens }),
    },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage.total_tokens,
  };
}

/** Responses `usage` -> Chat `usage`, keeping cached, cache-write and reasoning token counts. */
export function responsesUsageToChat(usage: ResponseUsage): ChatUsage {
  const cacheWriteTokens = usage.input_tokens_details.cache_write_tokens;
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
    prompt_tokens_details: {
      cached_tokens: usage.input_tokens_details.cached_tokens,
      ...(typeof cacheWriteTokens === "number" ? { cache_write_tokens: cacheWriteTokens } : {}),
    },
    completion_tokens_details: { reasoning_tokens: usage.output_tokens_details.reasoning_tokens },
  };
}
