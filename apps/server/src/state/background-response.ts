import { buildResponseObject } from "@switchyard/chat-responses";
import type { ResponseObject, ResponsesRequest } from "@switchyard/core";
import type { Storage, StoredEvent } from "@switchyard/store";
import { errorToSend } from "../http-errors";
import { recordTarget } from "../record-routing";
import type { RequestContext, RunContext } from "../request-context";
import { streamAnswer } from "../responses-answer";
import { type ResponsesPlan, routePlannedResponses } from "../responses-attempt";
import type { ResponsesEventSink } from "../responses-stream-relay";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { type BackgroundJob, JobStopped } from "./background-jobs";
import { echoState, type PreparedResponses } from "./prepare-responses";
import { responseFinisher } from "./response-finisher";
import { endedEarly, failedEnding, responseRecorder, type StreamEnding } from "./response-recorder";
import { streamStoredEvents } from "./stored-event-stream";

/** A background request, prepared and planned (its plan always streams). */
export interface BackgroundStart {
  request: ResponsesRequest;
  prepared: PreparedResponses;
  plan: ResponsesPlan;
  /** Whether the client asked for the events (`stream: true`) rather than the queued Response. */
  clientStreams: boolean;
}

/**
 * A sink that appends each event to the store (for `GET /v1/responses/{id}?stream=true`) and wakes the
 * readers following the job on this instance. Sequence numbers come from the events themselves.
 */
function storedEventsSink(storage: Storage, job: BackgroundJob): ResponsesEventSink {
  let next = 0;
  const append = async (values: readonly Record<string, unknown>[]) => {
    const events: StoredEvent[] = values.map((event) => {
      const sequence = event["sequence_number"];
      const sequenceNumber = typeof sequence === "number" ? sequence : next;
      next = sequenceNumber + 1;
      return { sequenceNumber, event };
    });
    if (events.length === 0) return;
    await storage.responses.appendEvents(job.id, events);
    job.notify();
  };
  return {
    relay: (data) => append([JSON.parse(data) as Record<string, unknown>]),
    writeJson: (value) => append([value as Record<string, unknown>]),
    writeEvents: (events) => append(events as unknown as Record<string, unknown>[]),
  };
}

/** How a job that was stopped, or whose stream broke off, ended. */
function endingOf(job: BackgroundJob, error: unknown): StreamEnding {
  const reason = job.signal.reason;
  if (reason instanceof JobStopped)
    return reason.reason === "cancelled"
      ? { kind: "cancelled" }
      : { kind: "failed", code: "gateway_stopped", message: reason.message };
  return failedEnding(errorToSend(error));
}

/** Runs a background response to its end, detached from the request that started it. */
async function runBackground(
  services: ServerServices,
  job: BackgroundJob,
  start: BackgroundStart,
  queued: ResponseObject,
  createdAt: number,
): Promise<void> {
  const { prepared, plan, request } = start;
  const storage = prepared.storage!;
  const run: RunContext = { signal: job.signal, outcome: {} };
  const finisher = responseFinisher(services, prepared, request, createdAt);
  const inProgress: ResponseObject = { ...queued, status: "in_progress" };
  const recorder = responseRecorder(finisher, inProgress);
  const sink = recorder.wrap(storedEventsSink(storage, job));
  try {
    await storage.responses.update(prepared.owner, prepared.responseId, inProgress, services.clock());
    const success = await routePlannedResponses(services, run, request, plan);
    recordTarget(run, success);
    const started = success.value;
    if (started.kind !== "native-stream" && started.kind !== "chat-stream")
      throw new Error("a background response runs as a stream");
    const relayed = await streamAnswer(services, run, success, started, () => sink, {
      request: plan.request,
      ids: prepared.ids,
    });
    if (relayed === undefined || relayed.clientAborted || relayed.error !== undefined)
      await recorder.settle(endingOf(job, relayed?.error));
  } catch (error) {
    if (recorder.final !== undefined) return;
    await finisher.finish(endedEarly(inProgress, [], endingOf(job, error)));
  }
}

/**
 * Starts a background response: stores it `queued`, runs it detached (the client may leave), and answers
 * with the queued Response, or with its events as they are stored when the client asked for a stream.
 */
export async function startBackgroundResponse(
  services: ServerServices,
  context: RequestContext,
  start: BackgroundStart,
): Promise<void> {
  const { prepared, plan } = start;
  const storage = prepared.storage!;
  const createdAt = services.clock();
  const queued = echoState(
    buildResponseObject(plan.request, {
      id: prepared.responseId,
      createdAt: Math.floor(createdAt / 1000),
      model: plan.request.model ?? plan.request.gateway?.models?.[0] ?? "",
      status: "queued",
      output: [],
    }),
    prepared,
    start.request,
  );
  await storage.responses.begin({
    id: prepared.responseId,
    owner: prepared.owner,
    response: queued,
    previousResponseId: prepared.previousResponseId,
    conversationId: prepared.conversationId,
    input: prepared.inputItems,
    lease: { runner: services.state.runner, until: createdAt + services.state.leaseMs },
    createdAt,
  });
  services.state.jobs.start(prepared.responseId, prepared.owner, (job) =>
    runBackground(services, job, start, queued, createdAt),
  );
  if (!start.clientStreams) {
    sendJson(context.response, 200, queued);
    return;
  }
  await streamStoredEvents(services, context, storage, prepared.owner, prepared.responseId, -1);
}
