/**
 * The lanes of one connection: `response.create` messages with the same `stream_id` run one after another
 * in arrival order, different lanes run at the same time (the reference: "Requests with the same
 * `stream_id` are processed FIFO"). A message without `stream_id` runs on the default lane. Bounded: at most
 * `maxLanes` lanes and `maxQueued` jobs waiting behind running ones, over the whole connection.
 */
export interface SocketLanes<Job> {
  /** Queues a job on its lane, or says why it cannot be taken. */
  enqueue(lane: string | undefined, job: Job): "accepted" | "too_many_streams" | "too_many_queued";
  /** Puts a job first on its lane (a steered response's automatic successor), past the queue limit. */
  enqueueNext(lane: string | undefined, job: Job): void;
  /** Jobs running or waiting, over every lane. */
  readonly busy: number;
  /** Resolves once no job runs or waits. */
  idle(): Promise<void>;
}

const DEFAULT_LANE = "\u0000default";

/** Creates the lanes; `run` serves one job and must not reject (it reports its own failures). */
export function createSocketLanes<Job>(
  run: (job: Job) => Promise<void>,
  limits: { maxLanes: number; maxQueued: number },
): SocketLanes<Job> {
  const lanes = new Map<string, Job[]>();
  let queued = 0;
  let busy = 0;
  let idleWaiters: (() => void)[] = [];

  const drive = async (key: string, first: Job) => {
    let job: Job | undefined = first;
    while (job !== undefined) {
      await run(job);
      busy--;
      const queue: Job[] = lanes.get(key)!;
      job = queue.shift();
      if (job !== undefined) queued = Math.max(0, queued - 1);
    }
    lanes.delete(key);
    if (busy === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const start = (key: string, job: Job) => {
    lanes.set(key, []);
    void drive(key, job);
  };

  return {
    enqueue(lane, job) {
      const key = lane ?? DEFAULT_LANE;
      const queue = lanes.get(key);
      if (queue === undefined) {
        if (lanes.size >= limits.maxLanes) return "too_many_streams";
        busy++;
        start(key, job);
        return "accepted";
      }
      if (queued >= limits.maxQueued) return "too_many_queued";
      queued++;
      busy++;
      queue.push(job);
      return "accepted";
    },
    enqueueNext(lane, job) {
      const key = lane ?? DEFAULT_LANE;
      busy++;
      const queue = lanes.get(key);
      if (queue === undefined) start(key, job);
      else {
        queued++;
        queue.unshift(job);
      }
    },
    get busy() {
      return busy;
    },
    idle() {
      if (busy === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
