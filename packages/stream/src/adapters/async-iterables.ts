import type { ChatCompletionChunk, ResponseStreamEvent } from "@switchyard/core";
import { toGatewayError } from "@switchyard/core";
import {
  type ChatToResponsesOptions,
  createChatToResponsesTranscoder,
} from "../chat-to-responses/chat-to-responses-transcoder";
import {
  createResponsesToChatTranscoder,
  type ResponsesToChatOptions,
} from "../responses-to-chat/responses-to-chat-transcoder";
import type { SseTranscoder } from "../sse/sse-transcoder";

/**
 * Chat chunks -> Responses events over async iterables. An error thrown by the source (a provider's
 * mid-stream `GatewayError`) becomes `error` + `response.failed`, and the generator ends normally.
 */
export async function* chatChunksToResponsesEvents(
  chunks: AsyncIterable<ChatCompletionChunk>,
  options: ChatToResponsesOptions,
): AsyncGenerator<ResponseStreamEvent> {
  const transcoder = createChatToResponsesTranscoder(options);
  try {
    for await (const chunk of chunks) yield* transcoder.push(chunk);
  } catch (error) {
    yield* transcoder.fail(toGatewayError(error));
    return;
  }
  yield* transcoder.end();
}

/** Responses events -> Chat chunks over async iterables. Throws a `GatewayError` when the upstream fails. */
export async function* responsesEventsToChatChunks(
  events: AsyncIterable<ResponseStreamEvent>,
  options: ResponsesToChatOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const transcoder = createResponsesToChatTranscoder(options);
  for await (const event of events) yield* transcoder.push(event);
  yield* transcoder.end();
}

/** Runs SSE bytes through an `SseTranscoder`, yielding each non-empty piece of output text. */
export async function* transcodeSse(
  body: AsyncIterable<Uint8Array | string>,
  transcoder: SseTranscoder,
): AsyncGenerator<string> {
  for await (const bytes of body) {
    const text = transcoder.push(bytes);
    if (text !== "") yield text;
  }
  const rest = transcoder.end();
  if (rest !== "") yield rest;
}
