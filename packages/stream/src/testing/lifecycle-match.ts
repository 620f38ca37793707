import type { ParsedFrame } from "./sse-frames";

const LIFECYCLE = new Set([
  "response.created",
  "response.in_progress",
  "response.completed",
  "response.incomplete",
  "response.failed",
]);

/**
 * Prepares expected and actual Responses frames for one deep comparison. A lifecycle event's `response`
 * is compared on the fields the expected file lists: the echoed request settings belong to
 * chat-responses' `buildResponseObject` and are tested there; this package owns id, status, output, usage,
 * error and timing, which every expected file spells out.
 */
export function alignLifecycleResponses(actual: ParsedFrame[], expected: ParsedFrame[]): ParsedFrame[] {
  return actual.map((frame, index) => {
    const wanted = expected[index]?.data as { type?: string; response?: Record<string, unknown> } | undefined;
    const data = frame.data as { type?: string; response?: Record<string, unknown> };
    if (wanted?.response === undefined || !LIFECYCLE.has(String(data?.type)) || data.response === undefined) {
      return frame;
    }
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(wanted.response)) picked[key] = data.response[key];
    return { event: frame.event, data: { ...data, response: picked } };
  });
}
