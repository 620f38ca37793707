import type { ChatCompletionRequest, ChatMessage } from "@switchyard/core";

/** FNV-1a, 32 bits, twice with different seeds: a short stable digest, not a security measure. */
function digest(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x01000193) >>> 0;
  }
  return first.toString(16).padStart(8, "0") + second.toString(16).padStart(8, "0");
}

/** The stable start of a conversation: every message up to and including the first user message. */
function conversationPrefix(messages: readonly ChatMessage[]): ChatMessage[] {
  const firstUser = messages.findIndex((message) => message.role === "user");
  return messages.slice(0, firstUser < 0 ? messages.length : firstUser + 1);
}

/**
 * The cache-affinity key of a request: its `prompt_cache_key`, or else its `user` plus a digest of the
 * conversation prefix (system prompt and first user turn), so later turns of one conversation share a key.
 * Undefined when the request has neither. The key never leaves the router.
 */
export function affinityKeyOf(request: ChatCompletionRequest): string | undefined {
  if (request.prompt_cache_key) return `prompt_cache_key:${request.prompt_cache_key}`;
  if (!request.user) return undefined;
  const prefix = conversationPrefix(request.messages).map((message) => [message.role, message.content]);
  return `user:${request.user}:${digest(JSON.stringify(prefix))}`;
}
