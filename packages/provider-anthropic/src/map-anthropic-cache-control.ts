import type {
  AnthropicCacheControl,
  AnthropicMessageParam,
  AnthropicTextBlock,
  AnthropicTool,
} from "@switchyard/anthropic-api";
import { type CacheControl, invalidRequest, type Warning } from "@switchyard/core";

const ANTHROPIC_TTLS = new Set(["5m", "1h"]);

/**
 * A Chat `cache_control` hint as Anthropic's: the TTLs Anthropic defines are `5m` (its default) and `1h`
 * (`CacheControlEphemeral`); any other is a 400 naming the field, as Anthropic would answer.
 */
export function toAnthropicCacheControl(cache: CacheControl): AnthropicCacheControl {
  const { ttl, ...rest } = cache;
  if (ttl === undefined) return rest;
  if (ttl === "5m" || ttl === "1h") return { ...rest, ttl };
  throw invalidRequest(
    `cache_control.ttl: '${ttl}' is not a cache TTL Anthropic offers (${[...ANTHROPIC_TTLS].join(", ")})`,
    "cache_control.ttl",
  );
}

/** Anthropic allows at most four cache breakpoints per request (prompt caching docs). */
export const MAX_CACHE_BREAKPOINTS = 4;

/** The cacheable parts of a request, in Anthropic's prefix order: tools, system, messages. */
export interface CacheablePrompt {
  tools: AnthropicTool[];
  system: AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
}

type Slot = { holder: { cache_control?: AnthropicCacheControl | null } };

function slots(prompt: CacheablePrompt): Slot[] {
  const all: Slot[] = prompt.tools.map((tool) => ({ holder: tool }));
  for (const block of prompt.system) all.push({ holder: block });
  for (const message of prompt.messages)
    if (Array.isArray(message.content))
      for (const block of message.content) all.push({ holder: block as Slot["holder"] });
  return all;
}

const lastOf = <T>(items: readonly T[]): T | undefined => items.at(-1);

/**
 * Places cache breakpoints. Client `cache_control` hints stay where they are. With a `prompt_cache_key`
 * (Anthropic has no cache key; the key is the client's request to cache), breakpoints are added on the last
 * tool, the last system block and the last block of the last turn. At most four are kept: extra ones are
 * removed from the front of the prompt, since a later breakpoint also caches everything before it.
 * Mutates the prompt's blocks.
 */
export function placeCacheBreakpoints(
  prompt: CacheablePrompt,
  promptCacheKey: string | undefined,
  ttl: AnthropicCacheControl["ttl"],
  warnings: Warning[],
): void {
  if (promptCacheKey !== undefined) {
    const breakpoint: AnthropicCacheControl =
      ttl === undefined ? { type: "ephemeral" } : { type: "ephemeral", ttl };
    const lastMessage = lastOf(prompt.messages);
    const targets = [
      lastOf(prompt.tools),
      lastOf(prompt.system),
      lastMessage !== undefined && Array.isArray(lastMessage.content)
        ? lastOf(lastMessage.content)
        : undefined,
    ];
    for (const target of targets) {
      const holder = target as Slot["holder"] | undefined;
      // Thinking blocks cannot carry cache_control; such a turn keeps its client hints only.
      if (holder !== undefined && holder.cache_control == null && !isThinking(target))
        holder.cache_control = breakpoint;
    }
  }
  const marked = slots(prompt).filter((slot) => slot.holder.cache_control != null);
  const excess = marked.length - MAX_CACHE_BREAKPOINTS;
  if (excess <= 0) return;
  for (const slot of marked.slice(0, excess)) delete slot.holder.cache_control;
  warnings.push({
    type: "adjusted_parameter",
    code: "cache_control",
    message: `The request had ${marked.length} cache breakpoints and Anthropic allows ${MAX_CACHE_BREAKPOINTS}; the first ${excess} were removed.`,
  });
}

const isThinking = (block: unknown): boolean => {
  const type = (block as { type?: unknown } | undefined)?.type;
  return type === "thinking" || type === "redacted_thinking";
};
