import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { afterAll, describe, expect, it } from "vitest";
import bundleConfig from "../tsup.config";

const outDir = await mkdtemp(join(tmpdir(), "switchyard-bundle-"));
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Starts the bundle on plain node and resolves with its base URL once the banner is printed. */
function startBundle(main: string) {
  const child = spawn(process.execPath, [main], {
    // The response store's SQLite file goes to the test's own folder, not the user's data directory.
    env: {
      PATH: process.env["PATH"],
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      SWITCHYARD_DATA_DIR: outDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (data: Buffer) => {
      output += data;
      const url = /listening on (http:\/\/\S+)\/v1/.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.stderr.on("data", (data: Buffer) => {
      output += data;
    });
    child.once("exit", (code) => reject(new Error(`the bundle exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, listening, exited };
}

describe("the server bundle that `pnpm start` runs", () => {
  it("builds, starts on plain node, answers and shuts down cleanly", { timeout: 60_000 }, async () => {
    // The config's entry is relative to the package folder, where `tsup` runs; the test runs elsewhere.
    const entry = { main: fileURLToPath(new URL("../src/main.ts", import.meta.url)) };
    await build({ ...bundleConfig, entry, outDir, silent: true, sourcemap: false });
    const server = startBundle(join(outDir, "main.js"));
    const url = await server.listening;
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const unknown = await fetch(`${url}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
