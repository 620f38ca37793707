import { outputTextOf } from "@switchyard/chat-responses";
import { type PassthroughResult, type ResponseObject, ResponseObjectSchema } from "@switchyard/core";
import { malformedNativeAnswer, pickHeaders, readNativeAnswer } from "./native-passthrough";

/** Upstream headers worth relaying to the client on a native Responses answer (rate-limit state). */
export const relayableHeaders = (headers: Record<string, string>): Record<string, string> =>
  pickHeaders(headers, (name) => name.startsWith("x-ratelimit-"));

/** Reads a non-streamed native Responses answer, under the answer cap, into a Response object. */
export async function readResponseObject(
  result: PassthroughResult,
  provider: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<ResponseObject> {
  const text = new TextDecoder().decode(await readNativeAnswer(result, provider, maxBytes, signal));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformedNativeAnswer(provider, "Responses", "the body is not JSON");
  }
  if (!ResponseObjectSchema.safeParse(json).success)
    throw malformedNativeAnswer(provider, "Responses", "the body is not a Response object");
  // The upstream's own JSON is relayed, not the parsed copy, so every field survives exactly.
  return withOutputText(json as ResponseObject);
}

/**
 * The Response object with `output_text`, which the gateway's contract puts on every Response: OpenAI's
 * own JSON has no such field (its SDKs compute it), so a native answer gains it here.
 */
export function withOutputText(response: ResponseObject): ResponseObject {
  if (typeof response.output_text === "string") return response;
  const output = Array.isArray(response.output) ? response.output : [];
  return { ...response, output_text: outputTextOf(output) };
}
