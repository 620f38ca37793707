import { splitBytes } from "@switchyard/core/testing";
import { HttpResponse, http } from "msw";
import { type SetupServer, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** One request the fake OpenAI received. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
}

/** What the fake OpenAI answers. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON value, or raw bytes/text sent as they are. */
  json?: unknown;
  bytes?: Uint8Array | string;
  /** Sends `bytes` in pieces of this many bytes, to cross every parser boundary. */
  pieceSize?: number;
  /** Leaves the body open after the bytes, until the request is cancelled. */
  hang?: boolean;
}

/** A fake OpenAI on msw: records each request and answers with the answer set for its path. */
export interface FakeOpenAI {
  server: SetupServer;
  requests: CapturedRequest[];
  /** Whether the body stream of an answer was cancelled by the client. */
  cancelled: () => boolean;
  answer(path: string, answer: FakeAnswer): void;
}

const encoder = new TextEncoder();

function bodyStream(answer: FakeAnswer, onCancel: () => void): ReadableStream<Uint8Array> {
  const bytes =
    typeof answer.bytes === "string" ? encoder.encode(answer.bytes) : (answer.bytes ?? new Uint8Array());
  const pieces = splitBytes(bytes, answer.pieceSize ?? Math.max(1, bytes.length));
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[index++];
      if (piece !== undefined) controller.enqueue(piece);
      else if (answer.hang !== true) controller.close();
      else return new Promise<void>(() => {});
    },
    cancel: onCancel,
  });
}

/**
 * A fake OpenAI for the whole test file: it listens from `beforeAll`, forgets its requests and per-test
 * handlers after each test and closes after all. It answers every POST, on any host; answers are keyed by the
 * path after `/v1` (`/chat/completions`, `/responses`). Use one per test file (msw intercepts globally).
 */
export function useFakeOpenAI(): FakeOpenAI {
  const fake = createFakeOpenAI();
  beforeAll(() => {
    fake.server.listen({ onUnhandledFrame: "error" });
  });
  afterEach(() => {
    fake.server.resetHandlers();
    fake.requests.length = 0;
  });
  afterAll(() => fake.server.close());
  return fake;
}

function createFakeOpenAI(): FakeOpenAI {
  const requests: CapturedRequest[] = [];
  const answers = new Map<string, FakeAnswer>();
  let cancelled = false;
  const server = setupServer(
    http.post("*", async ({ request }) => {
      const text = await request.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      const path = new URL(request.url).pathname.replace(/^\/v1(?=\/)/, "");
      requests.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body,
        signal: request.signal,
      });
      const answer = answers.get(path);
      if (answer === undefined)
        return HttpResponse.json({ error: { message: `no answer for ${path}` } }, { status: 404 });
      const init = { status: answer.status ?? 200, headers: answer.headers ?? {} };
      if (answer.json !== undefined) return HttpResponse.json(answer.json as Record<string, unknown>, init);
      return new HttpResponse(
        bodyStream(answer, () => {
          cancelled = true;
        }),
        init,
      );
    }),
  );
  return {
    server,
    requests,
    cancelled: () => cancelled,
    answer(path, answer) {
      answers.set(path, answer);
    },
  };
}

/** Chat chunks as OpenAI frames them: `data: <json>\n\n` each, then `data: [DONE]\n\n`. */
export function chatSse(chunks: readonly unknown[], done = true): string {
  return (
    chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("") + (done ? "data: [DONE]\n\n" : "")
  );
}

/** Responses events as OpenAI frames them: `event: <type>\ndata: <json>\n\n` each. */
export function responsesSse(events: readonly { type: string }[]): string {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");
}

/** Reads an async iterable to the end. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Concatenates byte chunks. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((length, chunk) => length + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
