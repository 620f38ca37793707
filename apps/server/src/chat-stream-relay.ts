import {
  type ChatCompletionChunk,
  type ChatUsage,
  encodeJsonSseFrame,
  type GatewayError,
  type RoutingMetadata,
  SSE_DONE_FRAME,
} from "@switchyard/core";
import { errorToSend } from "./http-errors";
import type { SseWriter } from "./sse-writer";

/** Options of `relayChatStream`. */
export interface ChatStreamRelayOptions {
  /** The client's `stream_options.include_usage`: whether chunks before the final one keep `usage`. */
  includeUsage: boolean;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** Builds the final `routing_metadata` once the usage is known (calls the router's `complete`). */
  complete(usage: ChatUsage | null): RoutingMetadata;
  /** Fallback id and `created` (seconds) for the final chunk when the upstream sent no chunk. */
  fallbackId: string;
  fallbackCreated: number;
  /** Collect the streamed text for the log (content logging only). */
  collectText: boolean;
}

/** How a relayed stream ended. */
export interface ChatStreamRelayResult {
  usage: ChatUsage | null;
  /** Set when the upstream failed mid-stream; the client got an error frame. */
  error?: GatewayError;
  clientAborted: boolean;
  text?: string;
}

/**
 * Relays Chat chunks to the client, one SSE frame per chunk, and ends the stream with a final
 * `choices: []` chunk that carries `routing_metadata`, then `data: [DONE]`.
 *
 * Usage: the upstream is always asked for usage (for cost), and the final chunk carries it whether or not
 * the client sent `include_usage`, as the gateway's contract says ("the final chunk has `choices: []` and
 * contains usage and routing_metadata"); the upstream's own usage chunk becomes that final chunk. Without
 * `include_usage`, `usage` is removed from the chunks before it, as OpenAI sends them. A mid-stream failure sends `data: {"error":{...}}` and no
 * `[DONE]`, which the OpenAI SDK raises as an `APIError`. The caller ends the response.
 */
export async function relayChatStream(
  writer: SseWriter,
  chunks: AsyncIterable<ChatCompletionChunk>,
  options: ChatStreamRelayOptions,
): Promise<ChatStreamRelayResult> {
  let usage: ChatUsage | null = null;
  let last: ChatCompletionChunk | undefined;
  let usageChunk: ChatCompletionChunk | undefined;
  let text = "";
  try {
    for await (const chunk of chunks) {
      last = chunk;
      if (chunk.usage) usage = chunk.usage;
      if (chunk.choices.length === 0 && chunk.usage) {
        usageChunk = chunk;
        continue;
      }
      if (options.collectText) for (const choice of chunk.choices) text += choice.delta.content ?? "";
      let outgoing = chunk;
      if (!options.includeUsage && chunk.usage !== undefined) {
        const { usage: _usage, ...rest } = chunk;
        outgoing = rest as ChatCompletionChunk;
      }
      await writer.write(encodeJsonSseFrame(outgoing));
    }
  } catch (error) {
    if (options.signal.aborted) return { usage, clientAborted: true };
    const failure = errorToSend(error);
    await writer.write(encodeJsonSseFrame(failure.toJSON()));
    return { usage, error: failure, clientAborted: false };
  }
  if (options.signal.aborted) return { usage, clientAborted: true };
  const routingMetadata = options.complete(usage);
  const final: ChatCompletionChunk =
    usageChunk !== undefined
      ? { ...usageChunk, routing_metadata: routingMetadata }
      : {
          id: last?.id ?? options.fallbackId,
          object: "chat.completion.chunk",
          created: last?.created ?? options.fallbackCreated,
          model: last?.model ?? "",
          choices: [],
          usage,
          routing_metadata: routingMetadata,
        };
  await writer.write(encodeJsonSseFrame(final));
  await writer.write(SSE_DONE_FRAME);
  return { usage, clientAborted: false, ...(options.collectText ? { text } : {}) };
}
