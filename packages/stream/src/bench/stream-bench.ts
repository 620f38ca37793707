/**
 * Micro-benchmark of the stream transcoders, SSE bytes in to SSE bytes out, on one core (no workers).
 * Run with `pnpm --filter @switchyard/stream bench`. Reports upstream chunks (or events) per second.
 */
import { createSequentialIdGenerator } from "@switchyard/core";
import { createChatSseToResponsesSse } from "../sse/chat-sse-to-responses-sse";
import { createResponsesSseToChatSse } from "../sse/responses-sse-to-chat-sse";
import type { SseTranscoder } from "../sse/sse-transcoder";

const CHUNKS_PER_STREAM = 2_000;
const NETWORK_READ_BYTES = 4_096;
const MEASURE_MS = 3_000;
const words = ["The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", "."];

/** An OpenAI-shaped Chat stream: role chunk, text deltas, finish chunk, usage chunk, [DONE]. */
function chatStream(): string {
  const head = `{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4.1-mini","service_tier":"default","system_fingerprint":"fp_bench","choices":`;
  let text = `data: ${head}[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`;
  for (let index = 0; index < CHUNKS_PER_STREAM; index++) {
    const word = JSON.stringify(words[index % words.length]);
    text += `data: ${head}[{"index":0,"delta":{"content":${word}},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"a1b2c3"}\n\n`;
  }
  text += `data: ${head}[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}\n\n`;
  text += `data: ${head}[],"usage":{"prompt_tokens":20,"completion_tokens":${CHUNKS_PER_STREAM},"total_tokens":${CHUNKS_PER_STREAM + 20}}}\n\n`;
  return `${text}data: [DONE]\n\n`;
}

/** An OpenAI-shaped Responses stream with one message of text deltas. */
function responsesStream(): string {
  const response = (status: string, output: string, usage: string) =>
    `{"id":"resp_bench","object":"response","created_at":1700000000,"status":"${status}","model":"gpt-4.1-mini","output":[${output}],"usage":${usage}}`;
  const frame = (type: string, body: string, sequence: number) =>
    `event: ${type}\ndata: {"type":"${type}","sequence_number":${sequence},${body}}\n\n`;
  let sequence = 0;
  let text = frame("response.created", `"response":${response("in_progress", "", "null")}`, sequence++);
  text += frame("response.in_progress", `"response":${response("in_progress", "", "null")}`, sequence++);
  text += frame(
    "response.output_item.added",
    `"output_index":0,"item":{"id":"msg_bench","type":"message","status":"in_progress","content":[],"role":"assistant"}`,
    sequence++,
  );
  text += frame(
    "response.content_part.added",
    `"item_id":"msg_bench","output_index":0,"content_index":0,"part":{"type":"output_text","annotations":[],"logprobs":[],"text":""}`,
    sequence++,
  );
  let full = "";
  for (let index = 0; index < CHUNKS_PER_STREAM; index++) {
    const word = words[index % words.length]!;
    full += word;
    text += frame(
      "response.output_text.delta",
      `"item_id":"msg_bench","output_index":0,"content_index":0,"delta":${JSON.stringify(word)},"logprobs":[],"obfuscation":"a1b2c3"`,
      sequence++,
    );
  }
  const message = `{"id":"msg_bench","type":"message","status":"completed","content":[{"type":"output_text","annotations":[],"logprobs":[],"text":${JSON.stringify(full)}}],"role":"assistant"}`;
  text += frame(
    "response.output_text.done",
    `"item_id":"msg_bench","output_index":0,"content_index":0,"text":${JSON.stringify(full)},"logprobs":[]`,
    sequence++,
  );
  text += frame("response.output_item.done", `"output_index":0,"item":${message}`, sequence++);
  const usage = `{"input_tokens":20,"input_tokens_details":{"cached_tokens":0},"output_tokens":${CHUNKS_PER_STREAM},"output_tokens_details":{"reasoning_tokens":0},"total_tokens":${CHUNKS_PER_STREAM + 20}}`;
  text += frame("response.completed", `"response":${response("completed", message, usage)}`, sequence++);
  return text;
}

/** The stream cut into network-sized reads. */
function reads(text: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += NETWORK_READ_BYTES) {
    pieces.push(bytes.subarray(offset, offset + NETWORK_READ_BYTES));
  }
  return pieces;
}

/** Runs whole streams through fresh transcoders for `MEASURE_MS`; returns upstream chunks per second. */
function measure(pieces: Uint8Array[], create: () => SseTranscoder): number {
  let sink = 0;
  const runOnce = (): void => {
    const transcoder = create();
    for (const piece of pieces) sink += transcoder.push(piece).length;
    sink += transcoder.end().length;
  };
  for (let warmup = 0; warmup < 20; warmup++) runOnce();
  let streams = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    runOnce();
    streams++;
    elapsed = performance.now() - started;
  }
  if (sink === 0) throw new Error("the transcoder produced no output");
  return (streams * CHUNKS_PER_STREAM * 1000) / elapsed;
}

const format = (value: number): string => `${Math.round(value).toLocaleString("en-US")}`;

const chatPieces = reads(chatStream());
const responsesPieces = reads(responsesStream());
const request = { model: "gpt-4.1-mini", input: "bench" };

const chatToResponses = measure(chatPieces, () =>
  createChatSseToResponsesSse({
    request,
    ids: createSequentialIdGenerator(),
    clock: () => 1_700_000_000_000,
  }),
);
const responsesToChat = measure(responsesPieces, () => createResponsesSseToChatSse({ includeUsage: true }));

console.log(
  `stream transcoders, SSE bytes in -> SSE bytes out, one core, ${CHUNKS_PER_STREAM} deltas per stream`,
);
console.log(`  Chat chunks -> Responses events:  ${format(chatToResponses)} chunks/s (target >= 200,000)`);
console.log(`  Responses events -> Chat chunks:  ${format(responsesToChat)} events/s`);
