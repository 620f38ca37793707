import type { AnthropicUsage } from "@switchyard/anthropic-api";
import type { ChatUsage } from "@switchyard/core";

/**
 * Maps Anthropic usage to Chat usage. Anthropic's `input_tokens` excludes cached tokens, so
 * `prompt_tokens` = input + cache write + cache read; `cached_tokens` = cache read and `cache_write_tokens`
 * = cache write, of which `cache_write_1h_tokens` = `cache_creation.ephemeral_1h_input_tokens` (written with
 * the 1-hour TTL, billed higher); `reasoning_tokens` comes from `output_tokens_details.thinking_tokens` when
 * reported; `server_tool_use` (web searches and fetches, billed per request) is carried over.
 */
export function anthropicUsageToChat(usage: AnthropicUsage): ChatUsage {
  const input = usage.input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const promptTokens = input + cacheWrite + cacheRead;
  const chat: ChatUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: output,
    total_tokens: promptTokens + output,
    prompt_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
  };
  const hourWrites = usage.cache_creation?.ephemeral_1h_input_tokens;
  if (hourWrites != null && hourWrites > 0) chat.prompt_tokens_details!.cache_write_1h_tokens = hourWrites;
  const serverTools = usage.server_tool_use;
  if (serverTools != null) {
    const count = (name: string) =>
      typeof serverTools[name] === "number" ? (serverTools[name] as number) : undefined;
    const webSearches = count("web_search_requests");
    const webFetches = count("web_fetch_requests");
    chat.server_tool_use = {
      ...(webSearches === undefined ? {} : { web_search_requests: webSearches }),
      ...(webFetches === undefined ? {} : { web_fetch_requests: webFetches }),
    };
  }
  const thinking = usage.output_tokens_details?.thinking_tokens;
  if (thinking != null) chat.completion_tokens_details = { reasoning_tokens: thinking };
  return chat;
}

/**
 * Merges streamed usage: `message_start` carries the input side, `message_delta` the cumulative totals.
 * A field present (not null) in the later report replaces the earlier value.
 */
export function mergeAnthropicUsage(
  earlier: AnthropicUsage | undefined,
  later: AnthropicUsage | null | undefined,
): AnthropicUsage {
  const merged: AnthropicUsage = { ...(earlier ?? {}) };
  for (const [key, value] of Object.entries(later ?? {}))
    if (value != null) (merged as Record<string, unknown>)[key] = value;
  return merged;
}
