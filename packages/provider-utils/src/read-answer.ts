import type { TransportResponse } from "@switchyard/core";
import { answerTooLarge, malformedAnswer, quoteBody, type UpstreamIdentity } from "./upstream-errors";

/** The default cap on a whole (non-streamed) upstream answer: 32 MiB, far above any model's output. */
export const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** How much of an error body is read; the rest is not needed to report the error. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** What a capped read needs: who answered and the cap. */
export interface ReadLimit extends UpstreamIdentity {
  maxBytes: number;
}

const concat = (chunks: readonly Uint8Array[], length: number): Uint8Array => {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
};

/**
 * Reads a whole body as bytes, failing with a retryable 502 `upstream_answer_too_large` as soon as it grows
 * past `limit.maxBytes`; the body is abandoned there (its iterator returned), so nothing more is buffered.
 * Errors of the body itself propagate as they are.
 */
export async function readAnswerBytes(
  body: AsyncIterable<Uint8Array>,
  limit: ReadLimit,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (length > limit.maxBytes) throw answerTooLarge(limit, limit.maxBytes);
    chunks.push(chunk);
  }
  return concat(chunks, length);
}

/**
 * Reads a whole answer as text under the cap. A `content-length` above the cap fails before a byte is read;
 * one within it (and no content coding, which would change the length) takes the transport's own `text()`,
 * the fast path; otherwise the body is counted as it arrives.
 */
export async function readAnswerText(response: TransportResponse, limit: ReadLimit): Promise<string> {
  const declared = Number(response.headers["content-length"] ?? Number.NaN);
  const coding = response.headers["content-encoding"];
  if (Number.isFinite(declared) && (coding === undefined || coding === "identity")) {
    if (declared > limit.maxBytes) throw answerTooLarge(limit, limit.maxBytes);
    return response.text();
  }
  return new TextDecoder().decode(await readAnswerBytes(response.body, limit));
}

/** Reads the start of an error body, at most `maxBytes`; the rest is left unread. */
export async function readErrorText(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number = MAX_ERROR_BODY_BYTES,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let length = 0;
  for await (const chunk of body) {
    const room = maxBytes - length;
    text += decoder.decode(room < chunk.length ? chunk.subarray(0, room) : chunk, { stream: true });
    length += chunk.length;
    if (length >= maxBytes) break;
  }
  return text + decoder.decode();
}

/** Parses an answer's text as JSON; text that is not JSON is a retryable 502 quoting its start. */
export function parseAnswerJson(text: string, identity: UpstreamIdentity): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw malformedAnswer(identity, `the body is not JSON: ${quoteBody(text).slice(0, 80)}`);
  }
}

/** Parses text as JSON, or `undefined` when it is not JSON (for error bodies, which may be anything). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
