import type {
  ChatCompletionChunk,
  ChatCompletionResponse,
  ChatUsage,
  Clock,
  SseEvent,
} from "@switchyard/core";
import type { AcmeAnswer, AcmeDeltaEvent, AcmeEndEvent, AcmeUsage } from "./acme-api";

const finishReasons = { done: "stop", cut: "length" } as const;

/** Acme's word counts as Chat usage (Acme's words are its billing unit, so they stand for tokens). */
export function acmeUsageToChat(usage: AcmeUsage): ChatUsage {
  return {
    prompt_tokens: usage.words_in,
    completion_tokens: usage.words_out,
    total_tokens: usage.words_in + usage.words_out,
  };
}

/** A whole Acme answer as a Chat completion. */
export function acmeAnswerToChat(answer: AcmeAnswer, model: string, clock: Clock): ChatCompletionResponse {
  return {
    id: answer.id,
    object: "chat.completion",
    created: Math.floor(clock() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: answer.text },
        finish_reason: finishReasons[answer.finish],
        logprobs: null,
      },
    ],
    usage: acmeUsageToChat(answer.usage),
  };
}

/** A push state machine: Acme stream events in, Chat chunks out. */
export function createAcmeStreamTranscoder(options: { id: string; model: string; clock: Clock }) {
  const base = {
    id: options.id,
    object: "chat.completion.chunk" as const,
    created: Math.floor(options.clock() / 1000),
    model: options.model,
  };
  let started = false;
  return {
    push(event: SseEvent): ChatCompletionChunk[] {
      if (event.event === "delta") {
        const { text } = JSON.parse(event.data) as AcmeDeltaEvent;
        const delta = started ? { content: text } : { role: "assistant" as const, content: text };
        started = true;
        return [{ ...base, choices: [{ index: 0, delta, finish_reason: null, logprobs: null }] }];
      }
      if (event.event === "end") {
        const end = JSON.parse(event.data) as AcmeEndEvent;
        return [
          {
            ...base,
            choices: [{ index: 0, delta: {}, finish_reason: finishReasons[end.finish], logprobs: null }],
          },
          { ...base, choices: [], usage: acmeUsageToChat(end.usage) },
        ];
      }
      return [];
    },
  };
}
