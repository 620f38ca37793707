import { GatewayError, isRetryableStatus, type PassthroughResult, readAllText } from "@switchyard/core";

/** The upstream headers whose names `relayed` accepts, to pass on with a native answer. */
export function pickHeaders(
  headers: Record<string, string>,
  relayed: (name: string) => boolean,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (relayed(name)) picked[name] = value;
  }
  return picked;
}

/** The 502 for a native answer (`api` names its API: "Messages", "Responses") the gateway could not read. */
export const malformedAnswer = (provider: string, api: string, detail: string): GatewayError =>
  new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_malformed_response",
    message: `The ${provider} ${api} answer could not be read: ${detail}`,
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
