import type { ChatUsage } from "@switchyard/core";

/**
 * Maps DeepSeek's cache counts to OpenAI's: `prompt_cache_hit_tokens` is
 * `prompt_tokens_details.cached_tokens` (https://api-docs.deepseek.com/guides/kv_cache). Newer answers
 * carry both; the OpenAI field wins when present. DeepSeek's own fields are kept.
 */
export function deepSeekUsageToChat(usage: ChatUsage): ChatUsage {
  const hit = usage["prompt_cache_hit_tokens"];
  if (typeof hit !== "number" || usage.prompt_tokens_details?.cached_tokens != null) return usage;
  return { ...usage, prompt_tokens_details: { ...usage.prompt_tokens_details, cached_tokens: hit } };
}
