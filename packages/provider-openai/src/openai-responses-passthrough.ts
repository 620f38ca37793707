import type { ResponsesRequest } from "@switchyard/core";
import type { OpenAIRequestBody } from "./openai-chat-request";

/**
 * The upstream body of a native Responses call: the request as the client sent it, less `gateway` and
 * `extensions`, with `extensions.openai` merged last, field by field. Nothing else is touched, so every
 * Responses feature (built-in tools, `previous_response_id`, `include`, background mode, fields newer than
 * this gateway) keeps working.
 */
export function responsesRequestToOpenAI(
  request: ResponsesRequest | Record<string, unknown>,
): OpenAIRequestBody {
  const { gateway: _gateway, extensions, ...body } = request;
  const openai = isRecord(extensions) ? extensions["openai"] : undefined;
  return { ...body, ...(isRecord(openai) ? openai : {}) };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Response headers that describe one HTTP hop rather than the answer, and are not relayed: the transport
 * already undid the transfer and content encodings (so the lengths no longer hold), and upstream cookies
 * belong to the gateway's connection, not the client's.
 */
const NOT_RELAYED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
  "proxy-authenticate",
  "proxy-connection",
  "trailer",
  "upgrade",
  "set-cookie",
  "alt-svc",
]);

/** The upstream's response headers a client should see (content type, request id, rate-limit state). */
export function relayedHeaders(headers: Record<string, string>): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!NOT_RELAYED.has(name.toLowerCase())) relayed[name] = value;
  }
  return relayed;
}
