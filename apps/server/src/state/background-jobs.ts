import type { Owner } from "@switchyard/store";

/** Why a background response was stopped before it ended. */
export type StopReason = "cancelled" | "shutdown";

/** The abort reason a stopped job's signal carries. */
export class JobStopped extends Error {
  override readonly name = "JobStopped";
  constructor(readonly reason: StopReason) {
    super(reason === "cancelled" ? "The response was cancelled." : "The gateway is shutting down.");
  }
}

/** A background response running on this instance. */
export interface BackgroundJob {
  readonly id: string;
  /** The client key the response belongs to. */
  readonly owner: Owner;
  readonly signal: AbortSignal;
  /** Aborts the upstream call; the job records the response as cancelled (or failed, at shutdown). */
  stop(reason: StopReason): void;
  /** Settles when the job has recorded its end. */
  readonly done: Promise<void>;
  /** Resolves at the next `notify` (new stream events), or after `timeoutMs`. */
  changed(timeoutMs: number): Promise<void>;
  /** Wakes every `changed` waiter. */
  notify(): void;
}

/** The background responses this instance runs, by id. */
export interface BackgroundJobs {
  /** Starts `run` detached from any request; it is forgotten once it settles. */
  start(id: string, owner: Owner, run: (job: BackgroundJob) => Promise<void>): BackgroundJob;
  /** Every job running now. */
  list(): BackgroundJob[];
  get(id: string): BackgroundJob | undefined;
  size(): number;
  /** Stops every job (reason `shutdown`) and waits until each has recorded its end. */
  stopAll(): Promise<void>;
}

/** Creates an empty job registry; `onError` hears a run that threw instead of recording its end. */
export function createBackgroundJobs(onError: (id: string, error: unknown) => void): BackgroundJobs {
  const running = new Map<string, BackgroundJob>();
  return {
    start(id, owner, run) {
      const controller = new AbortController();
      let waiters: (() => void)[] = [];
      let markDone: () => void = () => {};
      const done = new Promise<void>((resolve) => {
        markDone = resolve;
      });
      const job: BackgroundJob = {
        id,
        owner,
        signal: controller.signal,
        stop: (reason) => {
          if (!controller.signal.aborted) controller.abort(new JobStopped(reason));
        },
        done,
        changed: (timeoutMs) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
        notify: () => {
          const woken = waiters;
          waiters = [];
          for (const wake of woken) wake();
        },
      };
      running.set(id, job);
      // The run records its own failures; a throw here is a bug, which must not take the process down.
      run(job)
        .catch((error: unknown) => onError(id, error))
        .finally(() => {
          running.delete(id);
          job.notify();
          markDone();
        });
      return job;
    },
    get: (id) => running.get(id),
    list: () => [...running.values()],
    size: () => running.size,
    async stopAll() {
      const jobs = [...running.values()];
      for (const job of jobs) job.stop("shutdown");
      await Promise.all(jobs.map((job) => job.done));
    },
  };
}
