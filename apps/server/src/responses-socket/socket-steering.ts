import type { IdGenerator, ResponseInputItem, ResponseObject, ResponsesRequest } from "@switchyard/core";
import { isInvalidSteer, type ParsedSteer, parseSteer, requiredInputOf } from "./steer-input";

/**
 * `response.steer` on one connection, as the API reference defines it (`ResponseSteerEvent` and the
 * `response.steer.accepted` / `.pending` / `.failed` events; openai-node `resources/responses/responses.ts`):
 * - a submission for a running response of this connection is validated, queued and acknowledged with
 *   `response.steer.accepted` ("the server owns the input, not that it has been applied");
 * - when that response completes without waiting for client-owned results, an automatic successor runs on
 *   the same lane with the previous response's settings, `previous_response_id` set to it and the queued
 *   input as its input; its `response.created` is the commit point;
 * - when it stops for client-owned tool output or approval, `response.steer.pending` follows
 *   `response.completed` with the `required_input` stubs, and the queued input is prepended to the
 *   client's next `response.create` continuing that response;
 * - input that cannot be committed comes back in `response.steer.failed`, with the submission's id once it
 *   had one.
 * The gateway never cuts a running response short for steering (the reference allows, not requires, a
 * `response.incomplete` with reason `steered`): the upstream answer runs to its end first.
 */
export interface Steering {
  /** Handles a `response.steer` client event. */
  steer(event: Record<string, unknown>): void;
  /** A response of this connection started (its `response.created` went out); `committed` are the
   * submissions it carries as an automatic successor. */
  started(id: string, origin: SteerableOrigin, committed: readonly string[] | undefined): void;
  /**
   * A `response.create` ended: `id` is its response (undefined when it failed before `response.created`),
   * `terminal` its last event. Decides what happens to the input queued for it.
   */
  finished(
    id: string | undefined,
    terminal: { type: string; response: ResponseObject } | undefined,
    committed: readonly string[] | undefined,
    aborted: boolean,
  ): void;
  /** Takes the input queued for a continuation of `previousId` (prepended to its input, in order). */
  takeWaiting(previousId: string | undefined): ResponseInputItem[];
}

/** Where a running response came from: enough to start its automatic successor. */
export interface SteerableOrigin {
  streamId: string | undefined;
  /** The `response.create` body (less envelope) the successor inherits. */
  body: Record<string, unknown>;
  request: ResponsesRequest;
}

/** What the steering needs from its session. */
export interface SteeringDependencies {
  ids: IdGenerator;
  maxPendingSteers: number;
  /** Sends a server event on the socket. */
  send(event: object): void;
  /** Runs an automatic successor next on its lane. */
  startSuccessor(job: {
    streamId: string | undefined;
    body: Record<string, unknown>;
    steers: string[];
  }): void;
}

interface Submission extends ParsedSteer {
  id: string;
}

interface Running {
  origin: SteerableOrigin;
  queued: Submission[];
}

/** Responses whose steering window closed, remembered so a late steer hears `response_already_completed`. */
const FINISHED_MEMORY = 256;

/** Creates the steering state of one connection. */
export function createSteering(dependencies: SteeringDependencies): Steering {
  const { ids, send } = dependencies;
  const running = new Map<string, Running>();
  const finishedIds = new Set<string>();
  /** Accepted input waiting for the client's explicit continuation of a response, by that response. */
  const waiting = new Map<string, Submission[]>();
  /** Submissions an automatic successor carries until its `response.created`. */
  const inSuccessor = new Map<string, Submission>();
  let sequence = 0;

  const withLane = (event: Record<string, unknown>, streamId: string | undefined) =>
    streamId === undefined ? event : { ...event, stream_id: streamId };

  const fail = (
    submission: { id?: string; previousResponseId: string | undefined; input: unknown },
    code: string,
    message: string,
    streamId: string | undefined,
  ) => {
    const steer: Record<string, unknown> = {};
    if (submission.id !== undefined) steer["id"] = submission.id;
    steer["previous_response_id"] = submission.previousResponseId ?? null;
    steer["input"] = submission.input;
    send(
      withLane(
        {
          type: "response.steer.failed",
          sequence_number: sequence++,
          steer,
          error: { type: "invalid_request_error", code, message },
        },
        streamId,
      ),
    );
  };

  const rememberFinished = (id: string) => {
    finishedIds.add(id);
    if (finishedIds.size > FINISHED_MEMORY) finishedIds.delete(finishedIds.values().next().value!);
  };

  return {
    steer(event) {
      const parsed = parseSteer(event);
      if (isInvalidSteer(parsed)) {
        const lane =
          parsed.previousResponseId === undefined ? undefined : running.get(parsed.previousResponseId);
        fail(parsed, "invalid_input", parsed.message, lane?.origin.streamId);
        return;
      }
      const target = running.get(parsed.previousResponseId);
      if (target === undefined) {
        if (finishedIds.has(parsed.previousResponseId))
          fail(
            parsed,
            "response_already_completed",
            "The response completed and takes no more steering input.",
            undefined,
          );
        else
          fail(
            parsed,
            "response_not_found",
            `No running response with id '${parsed.previousResponseId}' on this connection.`,
            undefined,
          );
        return;
      }
      const { streamId, request } = target.origin;
      // The reference: "Responses bound to a conversation or using automatic compaction do not support steering."
      if (request.conversation != null || target.origin.body["context_management"] != null) {
        fail(
          parsed,
          "steering_not_supported",
          "Responses bound to a conversation or using automatic compaction take no steering input.",
          streamId,
        );
        return;
      }
      if (target.queued.length >= dependencies.maxPendingSteers) {
        fail(
          parsed,
          "too_many_pending_steers",
          `The response already holds ${dependencies.maxPendingSteers} steering submissions.`,
          streamId,
        );
        return;
      }
      const submission: Submission = { ...parsed, id: ids("steer") };
      target.queued.push(submission);
      send(
        withLane(
          {
            type: "response.steer.accepted",
            sequence_number: sequence++,
            steer: { id: submission.id, previous_response_id: submission.previousResponseId },
          },
          streamId,
        ),
      );
    },

    started(id, origin, committed) {
      running.set(id, { origin, queued: [] });
      for (const steerId of committed ?? []) inSuccessor.delete(steerId);
    },

    finished(id, terminal, committed, aborted) {
      // An automatic successor that failed before `response.created` returns the input it carried.
      for (const steerId of committed ?? []) {
        const submission = inSuccessor.get(steerId);
        inSuccessor.delete(steerId);
        if (submission !== undefined && !aborted)
          fail(
            submission,
            "successor_creation_failed",
            "The successor response could not be created.",
            undefined,
          );
      }
      if (id === undefined) return;
      const entry = running.get(id);
      running.delete(id);
      rememberFinished(id);
      if (entry === undefined || entry.queued.length === 0 || aborted) return;
      const { streamId } = entry.origin;
      if (terminal?.type !== "response.completed") {
        for (const submission of entry.queued)
          fail(
            submission,
            "response_not_active",
            "The response ended without completing; its steering input was not applied.",
            streamId,
          );
        return;
      }
      const requiredInput = requiredInputOf(terminal.response);
      if (requiredInput.length > 0) {
        waiting.set(id, entry.queued);
        // Input the client never continues is dropped with the oldest, so the map stays bounded.
        if (waiting.size > FINISHED_MEMORY) waiting.delete(waiting.keys().next().value!);
        for (const submission of entry.queued)
          send(
            withLane(
              {
                type: "response.steer.pending",
                sequence_number: sequence++,
                reason: "waiting_for_required_input",
                required_input: requiredInput,
                steer: { id: submission.id, previous_response_id: id },
              },
              streamId,
            ),
          );
        return;
      }
      for (const submission of entry.queued) inSuccessor.set(submission.id, submission);
      dependencies.startSuccessor({
        streamId,
        body: {
          ...entry.origin.body,
          previous_response_id: id,
          input: entry.queued.flatMap((submission) => submission.items),
        },
        steers: entry.queued.map((submission) => submission.id),
      });
    },

    takeWaiting(previousId) {
      if (previousId === undefined) return [];
      const queued = waiting.get(previousId);
      if (queued === undefined) return [];
      waiting.delete(previousId);
      return queued.flatMap((submission) => submission.items);
    },
  };
}
