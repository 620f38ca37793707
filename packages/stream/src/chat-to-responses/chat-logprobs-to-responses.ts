import type { ChatTokenLogprob, ResponseLogprob } from "@switchyard/core";

/**
 * Chat token logprobs -> Responses logprobs. Responses requires `bytes` to be an array, so a null becomes
 * empty; the same mapping as chat-responses' non-streaming translation.
 */
export function chatLogprobsToResponses(logprobs: readonly ChatTokenLogprob[]): ResponseLogprob[] {
  const converted: ResponseLogprob[] = [];
  for (const entry of logprobs) {
    const top: NonNullable<ResponseLogprob["top_logprobs"]> = [];
    for (const alternative of entry.top_logprobs ?? []) {
      top.push({ token: alternative.token, logprob: alternative.logprob, bytes: alternative.bytes ?? [] });
    }
    converted.push({
      token: entry.token,
      logprob: entry.logprob,
      bytes: entry.bytes ?? [],
      top_logprobs: top,
    });
  }
  return converted;
}
