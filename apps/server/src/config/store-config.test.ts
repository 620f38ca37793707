import { describe, expect, it } from "vitest";
import { StoreConfigError, storeConfigOf } from "./store-config";

const DAY_MS = 86_400_000;

describe("storeConfigOf", () => {
  it("stores by default, for 30 days, in the XDG data directory", () => {
    expect(storeConfigOf(undefined, { XDG_DATA_HOME: "/data" })).toEqual({
      enabled: true,
      retentionMs: 30 * DAY_MS,
      dataDir: "/data/switchyard",
    });
  });

  it("takes the config file's section, and the environment over it", () => {
    const file = { enabled: true, retentionDays: 7, dataDir: "/file-dir", databaseUrl: "postgres://file/db" };
    expect(storeConfigOf(file, {})).toEqual({
      enabled: true,
      retentionMs: 7 * DAY_MS,
      dataDir: "/file-dir",
      databaseUrl: "postgres://file/db",
    });
    expect(
      storeConfigOf(file, {
        SWITCHYARD_STORE: "false",
        SWITCHYARD_RETENTION_DAYS: "1.5",
        SWITCHYARD_DATA_DIR: "/env-dir",
        SWITCHYARD_DATABASE_URL: "postgresql://env/db",
      }),
    ).toEqual({
      enabled: false,
      retentionMs: 1.5 * DAY_MS,
      dataDir: "/env-dir",
      databaseUrl: "postgresql://env/db",
    });
  });

  it.each([
    [{ SWITCHYARD_STORE: "maybe" }, /SWITCHYARD_STORE/],
    [{ SWITCHYARD_RETENTION_DAYS: "0" }, /SWITCHYARD_RETENTION_DAYS/],
    [{ SWITCHYARD_DATABASE_URL: "mysql://x" }, /SWITCHYARD_DATABASE_URL: expected a postgres:\/\/ URL/],
  ])("rejects %o", (env, message) => {
    expect(() => storeConfigOf(undefined, env)).toThrow(StoreConfigError);
    expect(() => storeConfigOf(undefined, env)).toThrow(message);
  });
});
