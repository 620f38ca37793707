import type { ChatLogprobs, ResponseLogprob } from "@switchyard/core";

/** `output_text.delta` logprobs -> Chat `choices[].logprobs` (absent `bytes` become null); null when none. */
export function responsesLogprobsToChat(value: unknown): ChatLogprobs | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const content: NonNullable<ChatLogprobs["content"]> = [];
  for (const entry of value as ResponseLogprob[]) {
    const top: { token: string; logprob: number; bytes: number[] | null }[] = [];
    for (const alternative of entry.top_logprobs ?? []) {
      top.push({ token: alternative.token, logprob: alternative.logprob, bytes: alternative.bytes ?? null });
    }
    content.push({
      token: entry.token,
      logprob: entry.logprob,
      bytes: entry.bytes ?? null,
      top_logprobs: top,
    });
  }
  return { content, refusal: null };
}
