import {
  GatewayError,
  isRetryableStatus,
  type PassthroughResult,
  type ResponseObject,
  ResponseObjectSchema,
  readAllText,
} from "@switchyard/core";

/** Upstream headers worth relaying to the client on a native Responses answer (rate-limit state). */
export function relayableHeaders(headers: Record<string, string>): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith("x-ratelimit-")) relayed[name] = value;
  }
  return relayed;
}

const malformed = (provider: string, detail: string): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_malformed_response",
    message: `The ${provider} Responses answer could not be read: ${detail}`,
    retryable: true,
    provider,
  });

/**
 * Turns a non-2xx passthrough answer into a `GatewayError` (the provider normally throws these itself;
 * this guards providers that hand the status back).
 */
export async function passthroughError(result: PassthroughResult, provider: string): Promise<GatewayError> {
  const text = await readAllText(result.body);
  let message = `The ${provider} upstream answered HTTP ${result.status}.`;
  let code: string | null = null;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown; code?: unknown } };
    if (typeof parsed.error?.message === "string") message = parsed.error.message;
    if (typeof parsed.error?.code === "string") code = parsed.error.code;
  } catch {
    // Not JSON: keep the generic message.
  }
  return new GatewayError({
    status: result.status,
    message,
    code,
    retryable: isRetryableStatus(result.status),
    provider,
  });
}

/** Reads a non-streamed native Responses answer into a Response object. */
export async function readResponseObject(
  result: PassthroughResult,
  provider: string,
): Promise<ResponseObject> {
  const text = await readAllText(result.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed(provider, "the body is not JSON");
  }
  if (!ResponseObjectSchema.safeParse(json).success)
    throw malformed(provider, "the body is not a Response object");
  // The upstream's own JSON is relayed, not the parsed copy, so every field survives exactly.
  return json as ResponseObject;
}
