import type { GatewayError, PassthroughResult } from "@switchyard/core";
import {
  malformedAnswer,
  parseJsonOrUndefined,
  readAnswerBytes,
  readErrorText,
  redactHeaders,
  transportFailure,
  upstreamError,
} from "@switchyard/provider-utils";

/**
 * The upstream headers whose names `relayed` accepts, to pass on with a native answer; their values go
 * through the one redaction rule, so no key, address or path reaches the client in a header either.
 */
export function pickHeaders(
  headers: Record<string, string>,
  relayed: (name: string) => boolean,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (relayed(name)) picked[name] = value;
  }
  return redactHeaders(picked);
}

/** The 502 for a native answer (`api` names its API: "Messages", "Responses") the gateway could not read. */
export const malformedNativeAnswer = (provider: string, api: string, detail: string): GatewayError =>
  malformedAnswer({ provider }, `the ${api} answer could not be read: ${detail}`);

/**
 * Reads a whole native answer under the cap. The provider's body already reports transport failures as
 * `GatewayError`s; anything else it throws (a provider that hands back the raw transport body) is mapped
 * the same way, so a reset or a stall is the retryable 502 or 504 of every other path.
 */
export async function readNativeAnswer(
  result: PassthroughResult,
  provider: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  try {
    return await readAnswerBytes(result.body, { provider, maxBytes });
  } catch (error) {
    throw transportFailure(error, { provider, signal });
  }
}

/**
 * Turns a non-2xx passthrough answer into a `GatewayError` (the provider normally throws these itself;
 * this guards providers that hand the status back), redacted and retryable by the one policy.
 */
export async function passthroughError(result: PassthroughResult, provider: string): Promise<GatewayError> {
  const text = await readErrorText(result.body);
  const parsed = parseJsonOrUndefined(text) as { error?: { message?: unknown; code?: unknown } } | undefined;
  const message = parsed?.error?.message;
  const code = parsed?.error?.code;
  return upstreamError(
    { provider },
    {
      status: result.status,
      message:
        typeof message === "string" ? message : `The ${provider} upstream answered HTTP ${result.status}.`,
      code: typeof code === "string" ? code : null,
    },
  );
}
