import type { ChatUsage } from "@switchyard/core";
import type { MessagesUsage } from "./messages-output";

/**
 * Chat usage as Messages usage. Chat's `prompt_tokens` includes cache reads and writes; Anthropic's
 * `input_tokens` counts only the uncached rest, with reads and writes reported beside it.
 */
export function chatUsageToMessages(usage: ChatUsage | null | undefined): MessagesUsage {
  const cacheRead = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = usage?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cacheRead - cacheWrite),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
  };
}
