import { defaultDataDirectory } from "@switchyard/store";
import { z } from "zod";

/** The config file's `store` section: where responses and conversations are kept, and for how long. */
export const StoreFileSchema = z.strictObject({
  /** `false` turns storing off: nothing is written, and `store: true` gets a 400. Default true. */
  enabled: z.boolean().optional(),
  /** Days a stored response or conversation is kept before it is purged (default 30). */
  retentionDays: z.number().positive().optional(),
  /**
   * Directory of the embedded SQLite file (`SWITCHYARD_DATA_DIR`); default `$XDG_DATA_HOME/switchyard`,
   * else `~/.local/share/switchyard`.
   */
  dataDir: z.string().min(1).optional(),
  /** A PostgreSQL URL (`postgres://...`); when set, the store lives there instead of SQLite. */
  databaseUrl: z.string().min(1).optional(),
});

/** The store settings of a server, defaults applied. */
export interface StoreConfig {
  enabled: boolean;
  retentionMs: number;
  /** Directory of the SQLite file; created at start. */
  dataDir: string;
  /** When set, PostgreSQL at this URL is the store. */
  databaseUrl?: string;
}

/** Thrown for a bad store setting; the config loader turns it into its `ConfigError`. */
export class StoreConfigError extends Error {
  override readonly name = "StoreConfigError";
}

const DAY_MS = 86_400_000;

/** OpenAI keeps stored responses for 30 days by default; so does the gateway. */
export const DEFAULT_RETENTION_DAYS = 30;

function booleanFromEnv(env: Record<string, string | undefined>, variable: string): boolean | undefined {
  const value = env[variable];
  if (value === undefined || value === "") return undefined;
  if (["true", "on", "1"].includes(value)) return true;
  if (["false", "off", "0"].includes(value)) return false;
  throw new StoreConfigError(`${variable}: expected true or false`);
}

/**
 * The store settings from the config file's `store` section and the environment (which wins):
 * `SWITCHYARD_STORE` (true/false), `SWITCHYARD_RETENTION_DAYS`, `SWITCHYARD_DATA_DIR`,
 * `SWITCHYARD_DATABASE_URL`.
 */
export function storeConfigOf(
  file: z.infer<typeof StoreFileSchema> | undefined,
  env: Record<string, string | undefined>,
): StoreConfig {
  const enabled = booleanFromEnv(env, "SWITCHYARD_STORE") ?? file?.enabled ?? true;
  const retentionText = env["SWITCHYARD_RETENTION_DAYS"];
  let retentionDays = file?.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (retentionText !== undefined && retentionText !== "") {
    retentionDays = Number(retentionText);
    if (!Number.isFinite(retentionDays) || retentionDays <= 0)
      throw new StoreConfigError("SWITCHYARD_RETENTION_DAYS: expected a positive number of days");
  }
  const dataDir = env["SWITCHYARD_DATA_DIR"] || file?.dataDir || defaultDataDirectory(env);
  const databaseUrl = env["SWITCHYARD_DATABASE_URL"] || file?.databaseUrl;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new StoreConfigError(
      `${env["SWITCHYARD_DATABASE_URL"] ? "SWITCHYARD_DATABASE_URL" : "config file store.databaseUrl"}: expected a postgres:// URL`,
    );
  return {
    enabled,
    retentionMs: retentionDays * DAY_MS,
    dataDir,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  };
}
