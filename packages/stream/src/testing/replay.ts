import type { ChatCompletionRequest, ResponsesRequest } from "@switchyard/core";
import { createReplayFetch } from "@switchyard/core/testing";
import OpenAI from "openai";

const clientFor = (bytes: string | Uint8Array): OpenAI =>
  new OpenAI({ apiKey: "test", baseURL: "http://replay.invalid/v1", fetch: createReplayFetch(bytes) });

/** Replays Responses SSE through the SDK's `responses.stream()` helper and returns its final Response. */
export async function replayResponsesStream(bytes: string | Uint8Array, request: ResponsesRequest) {
  const { model, input } = request;
  return clientFor(bytes)
    .responses.stream({ model: model ?? "unknown", input: (input ?? "") as string })
    .finalResponse();
}

/** Replays Chat SSE through the SDK's `chat.completions.stream()` helper and returns its final completion. */
export async function replayChatStream(bytes: string | Uint8Array, request?: ChatCompletionRequest) {
  return clientFor(bytes)
    .chat.completions.stream({
      model: request?.model ?? "unknown",
      messages: [{ role: "user", content: "Hi" }],
    })
    .finalChatCompletion();
}

/** Drops what the SDK helpers add on top of the wire object (`parsed`, `parsed_arguments`, `output_parsed`). */
export function withoutSdkAdditions<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, field) =>
      key === "parsed" || key === "parsed_arguments" || key === "output_parsed" ? undefined : field,
    ),
  ) as T;
}
