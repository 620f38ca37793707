import { homedir } from "node:os";
import { join } from "node:path";

/** Where the storage lives. */
export type StorageConfig =
  | {
      backend: "sqlite";
      /** The database file; its directory is created at start. */
      file: string;
      /** A cap on the file's size: writes beyond it fail as a full store (503), nothing half-written. */
      maxSizeBytes?: number | undefined;
    }
  | {
      backend: "postgres";
      /** A `postgres://` connection URL. */
      url: string;
      /** The schema the tables live in (created at start); `public` when omitted. */
      schema?: string | undefined;
      /** Connections in this instance's pool (default 10). */
      maxConnections?: number | undefined;
    };

/** The file name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = "switchyard.sqlite";

/** The data directory when `SWITCHYARD_DATA_DIR` is unset: `$XDG_DATA_HOME/switchyard`, else `~/.local/share/switchyard`. */
export function defaultDataDirectory(environment: Readonly<Record<string, string | undefined>>): string {
  const base = environment["XDG_DATA_HOME"] || join(homedir(), ".local", "share");
  return join(base, "switchyard");
}

/**
 * The storage of a server's environment: PostgreSQL when `SWITCHYARD_DATABASE_URL` is set (schema from
 * `SWITCHYARD_DATABASE_SCHEMA`), else the embedded SQLite file in `SWITCHYARD_DATA_DIR` (or the default).
 */
export function storageConfigFromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
): StorageConfig {
  const url = environment["SWITCHYARD_DATABASE_URL"];
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("SWITCHYARD_DATABASE_URL must be a postgres:// or postgresql:// URL");
    }
    return { backend: "postgres", url, schema: environment["SWITCHYARD_DATABASE_SCHEMA"] || undefined };
  }
  const directory = environment["SWITCHYARD_DATA_DIR"] || defaultDataDirectory(environment);
  return { backend: "sqlite", file: join(directory, SQLITE_FILE_NAME) };
}
