import type { SseTranscoder } from "../sse/sse-transcoder";

/**
 * Wraps an `SseTranscoder` in a WHATWG `TransformStream`: upstream SSE bytes in, transcoded UTF-8 SSE bytes
 * out. Works in Node, Bun, Deno, browsers and edge runtimes.
 */
export function toSseTransformStream(
  transcoder: SseTranscoder,
): TransformStream<Uint8Array | string, Uint8Array> {
  const encoder = new TextEncoder();
  return new TransformStream<Uint8Array | string, Uint8Array>({
    transform(bytes, controller) {
      const text = transcoder.push(bytes);
      if (text !== "") controller.enqueue(encoder.encode(text));
    },
    flush(controller) {
      const text = transcoder.end();
      if (text !== "") controller.enqueue(encoder.encode(text));
    },
  });
}
