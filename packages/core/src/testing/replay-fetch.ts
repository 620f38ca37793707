/** A `fetch` that answers every call with the given body, for driving SDK stream helpers from bytes. */
export function createReplayFetch(
  body: string | Uint8Array,
  init: { status?: number; contentType?: string } = {},
): typeof fetch {
  return async () =>
    new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
      status: init.status ?? 200,
      headers: { "content-type": init.contentType ?? "text/event-stream" },
    });
}
