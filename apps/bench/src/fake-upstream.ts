import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** How the fake upstream answers. */
export interface FakeUpstreamOptions {
  /** Delay before the first byte of every answer, in ms. */
  latencyMs: number;
  /** Chunks per streamed answer. */
  chunks: number;
  /** Gap between streamed chunks, in ms (0 sends them back to back). */
  intervalMs: number;
}

const created = 1_760_000_000;
const filler = "The quick brown fox jumps over the lazy dog. ";

/** A non-streaming Chat Completions answer of about 1 KB. */
export function completionBody(model: string): string {
  return JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created,
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: filler.repeat(17).trim(), refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: {
      prompt_tokens: 24,
      completion_tokens: 160,
      total_tokens: 184,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    },
    system_fingerprint: "fp_bench",
  });
}

const chunkFrame = (model: string, delta: object, finishReason: string | null, usage?: object): string =>
  `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created,
    model,
    choices: usage ? [] : [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(usage ? { usage } : {}),
  })}\n\n`;

/** The SSE frames of a streamed answer: role, `chunks` text deltas, finish, usage, `[DONE]`. */
export function streamFrames(model: string, chunks: number): string[] {
  const frames = [chunkFrame(model, { role: "assistant", content: "" }, null)];
  for (let index = 0; index < chunks; index++)
    frames.push(chunkFrame(model, { content: `tok${index} ` }, null));
  frames.push(chunkFrame(model, {}, "stop"));
  frames.push(
    chunkFrame(model, {}, null, { prompt_tokens: 24, completion_tokens: chunks, total_tokens: 24 + chunks }),
  );
  frames.push("data: [DONE]\n\n");
  return frames;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answer(request: IncomingMessage, response: ServerResponse, options: FakeUpstreamOptions) {
  let body = "";
  for await (const chunk of request) body += chunk;
  if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
    return;
  }
  const parsed = JSON.parse(body) as { model?: string; stream?: boolean };
  const model = parsed.model ?? "bench-model";
  if (options.latencyMs > 0) await delay(options.latencyMs);
  if (!parsed.stream) {
    const text = completionBody(model);
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
    return;
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  let closed = false;
  response.on("close", () => {
    closed = true;
  });
  for (const frame of streamFrames(model, options.chunks)) {
    if (closed) return;
    response.write(frame);
    if (options.intervalMs > 0) await delay(options.intervalMs);
  }
  response.end();
}

/** Starts the fake Chat Completions upstream on loopback; resolves with the server and its port. */
export function startFakeUpstream(
  options: FakeUpstreamOptions,
  port = 0,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    answer(request, response, options).catch(() => response.destroy());
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : port });
    });
  });
}
