import { join } from "node:path";
import type { Clock } from "@switchyard/core";
import { openStorage, SQLITE_FILE_NAME, type Storage, type StorageConfig } from "@switchyard/store";
import type { Logger } from "pino";
import type { StoreConfig } from "../config/store-config";
import { type BackgroundJobs, createBackgroundJobs } from "./background-jobs";
import { storeUnreachable } from "./state-errors";

/** How long a running background response is promised to this instance before others may fail it. */
const DEFAULT_LEASE_MS = 30_000;
/** How often a closed or unreachable store is tried again. */
const REOPEN_INTERVAL_MS = 5_000;
/** How often expired objects are purged. */
const PURGE_INTERVAL_MS = 3_600_000;

/** The server's response state: the storage (when storing is on), background jobs and their leases. */
export interface GatewayState {
  /** Whether the operator lets responses be stored. */
  readonly enabled: boolean;
  /** This instance's id on the leases of the background responses it runs. */
  readonly runner: string;
  readonly leaseMs: number;
  readonly jobs: BackgroundJobs;
  /** The store, opened; throws the 503 naming it while it cannot be reached. Only when `enabled`. */
  storage(): Promise<Storage>;
  /** Opens the store, fails what stopped gateways left running, and starts the lease and purge timers. */
  start(): Promise<void>;
  /** Stops background responses (recording them failed), the timers, and closes the store. */
  close(): Promise<void>;
}

/** What the state is built from. */
export interface GatewayStateOptions {
  config: StoreConfig;
  clock: Clock;
  logger: Logger;
  runner: string;
  /** An opened storage to use instead of the configured one (tests). */
  storage?: Storage;
  leaseMs?: number;
}

/** The storage settings of the `store` package for the server's store config. */
export function storageConfigOf(config: StoreConfig): StorageConfig {
  return config.databaseUrl === undefined
    ? { backend: "sqlite", file: join(config.dataDir, SQLITE_FILE_NAME) }
    : { backend: "postgres", url: config.databaseUrl };
}

/** The store's name for error messages before it is open (no secrets: never the URL). */
const configuredStoreName = (config: StoreConfig): string =>
  config.databaseUrl === undefined ? "SQLite store" : "PostgreSQL store";

/** Creates the server's state. Nothing touches the database until `start`. */
export function createGatewayState(options: GatewayStateOptions): GatewayState {
  const { config, clock, logger, runner } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let storage: Storage | undefined = options.storage;
  let opening: Promise<Storage> | undefined;
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  let lastFailure: unknown;
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  const jobs = createBackgroundJobs((id, error) =>
    logger.error({ err: error, response_id: id }, "a background response failed without recording its end"),
  );

  const open = (): Promise<Storage> => {
    if (storage !== undefined) return Promise.resolve(storage);
    if (closed) return Promise.reject(storeUnreachable(configuredStoreName(config), "the server is closing"));
    if (clock() - lastFailureAt < REOPEN_INTERVAL_MS)
      return Promise.reject(storeUnreachable(configuredStoreName(config), lastFailure));
    opening ??= openStorage(storageConfigOf(config)).then(
      (opened) => {
        storage = opened;
        opening = undefined;
        return opened;
      },
      (error: unknown) => {
        opening = undefined;
        lastFailureAt = clock();
        lastFailure = error;
        logger.error({ err: error }, `the ${configuredStoreName(config)} could not be opened`);
        throw storeUnreachable(configuredStoreName(config), error);
      },
    );
    return opening;
  };

  const failAbandoned = async () => {
    const opened = await open();
    const failed = await opened.responses.failAbandoned(clock(), {
      code: "gateway_stopped",
      message: "The gateway running this background response stopped before it finished.",
    });
    if (failed.length > 0)
      logger.warn({ responses: failed }, "background responses of a stopped gateway marked failed");
  };

  const every = (ms: number, task: () => Promise<unknown>) => {
    const timer = setInterval(() => {
      task().catch((error: unknown) => logger.warn({ err: error }, "response store maintenance failed"));
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  return {
    enabled: config.enabled,
    runner,
    leaseMs,
    jobs,
    storage: () => {
      if (!config.enabled) return Promise.reject(new Error("storing is turned off"));
      return open();
    },
    async start() {
      if (!config.enabled) return;
      try {
        const opened = await open();
        await failAbandoned();
        await opened.purgeExpired(clock() - config.retentionMs);
      } catch (error) {
        // The gateway serves store: false requests without the store; stateful ones get a 503 meanwhile.
        logger.error({ err: error }, "the response store is not available at start-up");
      }
      every(Math.max(1_000, Math.floor(leaseMs / 3)), async () => {
        if (jobs.size() === 0) return;
        const opened = await open();
        await opened.responses.renewLeases(runner, clock() + leaseMs);
        // A response another instance ended (cancelled there) stops here too.
        for (const job of jobs.list()) {
          const stored = await opened.responses.get(job.owner, job.id);
          if (stored === undefined || (stored.status !== "queued" && stored.status !== "in_progress"))
            job.stop("cancelled");
        }
      });
      every(leaseMs, failAbandoned);
      every(PURGE_INTERVAL_MS, async () => (await open()).purgeExpired(clock() - config.retentionMs));
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      await jobs.stopAll();
      closed = true;
      const opened = storage ?? (await opening?.catch(() => undefined));
      storage = undefined;
      await opened?.close();
    },
  };
}
