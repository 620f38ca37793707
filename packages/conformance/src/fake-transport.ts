import type { HttpTransport, TransportRequest, TransportResponse } from "@switchyard/core";
import type { FakeAnswer } from "./conformance-subject";

/** How the fake transport answers the next requests. */
export type FakeBehaviour =
  /** The answer, its body cut into pieces of `pieceSize` bytes (the whole body in one piece when absent). */
  | { kind: "answer"; answer: (request: TransportRequest) => FakeAnswer; pieceSize?: number }
  /** The first `firstBytes` of the answer, then nothing until the request is aborted. */
  | { kind: "hold"; answer: (request: TransportRequest) => FakeAnswer; firstBytes: number };

/** A transport that answers from a fake upstream and records every request it was given. */
export interface FakeTransport {
  transport: HttpTransport;
  /** Every request so far, in order. */
  requests: TransportRequest[];
  /** Sets how the following requests are answered. */
  behave(behaviour: FakeBehaviour): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Creates a transport over a fake upstream; nothing leaves the process. */
export function createFakeTransport(): FakeTransport {
  const requests: TransportRequest[] = [];
  let behaviour: FakeBehaviour | undefined;
  const transport: HttpTransport = async (request) => {
    requests.push(request);
    if (behaviour === undefined) throw new Error("the fake transport was called before a behaviour was set");
    const answer = behaviour.answer(request);
    const bytes = encoder.encode(answer.body);
    const pieces =
      behaviour.kind === "hold"
        ? heldPieces(bytes, behaviour.firstBytes, request.signal)
        : cut(bytes, behaviour.pieceSize);
    return response(answer, pieces);
  };
  return { transport, requests, behave: (next) => (behaviour = next) };
}

function response(answer: FakeAnswer, pieces: AsyncIterable<Uint8Array>): TransportResponse {
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    status: answer.status,
    headers,
    body: pieces,
    async text() {
      let text = "";
      for await (const piece of pieces) text += decoder.decode(piece, { stream: true });
      return text + decoder.decode();
    },
  };
}

async function* cut(bytes: Uint8Array, pieceSize = bytes.length): AsyncGenerator<Uint8Array> {
  const size = Math.max(1, pieceSize);
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function* heldPieces(
  bytes: Uint8Array,
  firstBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, firstBytes);
  await new Promise<never>((_resolve, reject) => {
    const abort = () =>
      reject(signal?.reason ?? new DOMException("This operation was aborted", "AbortError"));
    if (signal === undefined) return; // never settles: the check reports the missing signal itself
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
  });
}
