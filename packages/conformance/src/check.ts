import type { ChatCompletionChunk, ChatCompletionRequest, Provider } from "@switchyard/core";
import type { ConformanceSubject, OptionalFeature, Scenario } from "./conformance-subject";
import { createFakeTransport, type FakeTransport } from "./fake-transport";

/** What a check is given: a fresh provider on a fresh fake transport. */
export interface CheckContext {
  subject: ConformanceSubject;
  provider: Provider;
  fake: FakeTransport;
  apiKey: string;
}

/** One shared expectation of the kit. */
export interface ConformanceCheck {
  id: string;
  title: string;
  /** The optional feature it exercises; a provider that declares it unsupported has the check reported, not run. */
  requires?: OptionalFeature;
  run(context: CheckContext): Promise<void>;
}

/** The key the kit's calls use; it must never come back in an error. */
export const CONFORMANCE_API_KEY = "sk-conformance-0123456789abcdefghij";

/** A fresh context for one check. */
export function createCheckContext(subject: ConformanceSubject): CheckContext {
  const fake = createFakeTransport();
  return { subject, provider: subject.createProvider(fake.transport), fake, apiKey: CONFORMANCE_API_KEY };
}

/** A one-turn user request to the subject's model. */
export function userRequest(context: CheckContext, text: string, extra: Partial<ChatCompletionRequest> = {}) {
  const request: ChatCompletionRequest = {
    model: context.subject.model,
    messages: [{ role: "user", content: text }],
    ...extra,
  };
  return request;
}

/** Answers the following requests with the scenario, whole. */
export function answerWhole(context: CheckContext, scenario: Scenario): void {
  context.fake.behave({ kind: "answer", answer: (request) => context.subject.fake.whole(scenario, request) });
}

/** Answers the following requests with the scenario, streamed in pieces of `pieceSize` bytes. */
export function answerStream(context: CheckContext, scenario: Scenario, pieceSize?: number): void {
  context.fake.behave({
    kind: "answer",
    answer: (request) => context.subject.fake.stream(scenario, request),
    pieceSize,
  });
}

/** Reads a whole stream of chunks. */
export async function collect(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const all: ChatCompletionChunk[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

/** The text, tool calls (arguments joined per index), finish reason and usage a stream of chunks adds up to. */
export function assembleChunks(chunks: ChatCompletionChunk[]) {
  let text = "";
  let finishReason: string | null = null;
  let usage: ChatCompletionChunk["usage"];
  const calls = new Map<number, { id?: string; name: string; arguments: string }>();
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? "";
      if (choice.finish_reason) finishReason = choice.finish_reason;
      for (const call of choice.delta.tool_calls ?? []) {
        const current = calls.get(call.index) ?? { name: "", arguments: "" };
        if (call.id) current.id = call.id;
        current.name += call.function?.name ?? "";
        current.arguments += call.function?.arguments ?? "";
        calls.set(call.index, current);
      }
    }
  }
  const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return { text, finishReason, usage, toolCalls };
}
