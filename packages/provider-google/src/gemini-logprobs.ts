import type { ChatTokenLogprob } from "@switchyard/core";
import type { GeminiLogprobsResult } from "./gemini-api";

/**
 * Maps Gemini `logprobsResult` (one chosen candidate and its top alternatives per decoding step) to Chat
 * `logprobs.content` entries. Gemini gives no token bytes, so `bytes` is null.
 */
export function geminiLogprobsToChat(result: GeminiLogprobsResult): ChatTokenLogprob[] {
  const top = result.topCandidates ?? [];
  return (result.chosenCandidates ?? []).map((chosen, step) => ({
    token: chosen.token ?? "",
    logprob: chosen.logProbability ?? 0,
    bytes: null,
    top_logprobs: (top[step]?.candidates ?? []).map((candidate) => ({
      token: candidate.token ?? "",
      logprob: candidate.logProbability ?? 0,
      bytes: null,
    })),
  }));
}
