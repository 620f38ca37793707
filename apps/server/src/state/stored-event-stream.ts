import { encodeJsonSseFrame } from "@switchyard/core";
import type { Owner, Storage } from "@switchyard/store";
import type { RequestContext } from "../request-context";
import type { ServerServices } from "../server-services";
import { createSseWriter } from "../sse-writer";
import { storedObjectNotFound } from "./state-errors";

/** How long a reader waits for news of a response that runs on another instance before it reads again. */
const REMOTE_POLL_MS = 250;
/** How long a reader waits for a job on this instance before it checks the store anyway. */
const LOCAL_WAIT_MS = 1_000;

const ENDED = new Set(["completed", "incomplete", "failed", "cancelled"]);
const TERMINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);

/**
 * Streams a background response's stored events after `startingAfter` (a `sequence_number`), then follows
 * it live until it ends: woken by the job when it runs on this instance, polling the store when it runs on
 * another. The client may leave at any time; the response runs on.
 */
export async function streamStoredEvents(
  services: ServerServices,
  context: RequestContext,
  storage: Storage,
  owner: Owner,
  id: string,
  startingAfter: number,
): Promise<void> {
  const writer = createSseWriter(context.response);
  let after = startingAfter;
  let opened = false;
  for (;;) {
    const events = await storage.responses.readEvents(owner, id, after);
    if (events === undefined) throw storedObjectNotFound("Response", id);
    if (!opened) {
      writer.open({});
      opened = true;
    }
    let frames = "";
    let terminal = false;
    for (const { sequenceNumber, event } of events) {
      frames += encodeJsonSseFrame(event, typeof event["type"] === "string" ? event["type"] : undefined);
      after = sequenceNumber;
      if (TERMINAL_EVENTS.has(String(event["type"]))) terminal = true;
    }
    if (frames !== "") await writer.write(frames);
    if (terminal || context.signal.aborted || writer.closed) break;
    const job = services.state.jobs.get(id);
    if (job === undefined) {
      const stored = await storage.responses.get(owner, id);
      if (stored === undefined || ENDED.has(stored.status)) {
        // Ended without a terminal event in the log (cancelled, or its gateway stopped): send the rest.
        const rest = await storage.responses.readEvents(owner, id, after);
        let tail = "";
        for (const { event } of rest ?? [])
          tail += encodeJsonSseFrame(event, typeof event["type"] === "string" ? event["type"] : undefined);
        if (tail !== "") await writer.write(tail);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, REMOTE_POLL_MS));
    } else await job.changed(LOCAL_WAIT_MS);
  }
  writer.end();
}
