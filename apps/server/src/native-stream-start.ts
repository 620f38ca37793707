import { GatewayError, type SseEvent } from "@switchyard/core";
import type { PrimedStream } from "./primed-stream";

/**
 * Checks the first event of a native Responses stream, inside the attempt: a stream that is empty, or that
 * does not open with a `response.*` event (an error body sent with status 200, SSE frames that are not
 * JSON, an `error` event), fails over as a retryable 502 instead of reaching the client as its answer.
 * Closes the upstream stream when it throws.
 */
export async function checkNativeResponsesStart(
  events: PrimedStream<SseEvent>,
  provider: string,
): Promise<void> {
  const type = eventTypeOf(events.first);
  if (type?.startsWith("response.") === true) return;
  await events.close();
  throw new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "upstream_malformed_stream",
    message:
      type === undefined
        ? `Provider '${provider}' answered the stream without a Responses event.`
        : `Provider '${provider}' opened the Responses stream with '${type.slice(0, 64)}' instead of a response event.`,
    retryable: true,
    provider,
  });
}

/** The `type` of an event's JSON data; undefined when there is no event or its data is not a JSON object. */
function eventTypeOf(event: SseEvent | undefined): string | undefined {
  if (event === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(event.data);
    const type = (data as { type?: unknown } | null)?.type;
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
}
