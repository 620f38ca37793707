import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A child process of the benchmark: its pid, port and how to stop it. */
export interface BenchChild {
  name: string;
  process: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

// `node --import tsx` rather than the tsx CLI, which would add a wrapper process between us and the server.
const tsxLoader = import.meta.resolve("tsx");
const benchProcess = fileURLToPath(new URL("./bench-process.ts", import.meta.url));
// The gateway runs as it ships: the bundle `pnpm start` builds and runs (`pnpm bench` builds it first).
const serverMain = fileURLToPath(new URL("../../server/dist/main.js", import.meta.url));

/** Whether `taskset` can pin processes here. */
export const canPin: boolean = (() => {
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Spawns `node script args` (through tsx for a `.ts` script), pinned to `core` when taskset is available. */
function spawnNode(
  script: string,
  args: string[],
  core: number | undefined,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const nodeArgs = script.endsWith(".ts") ? ["--import", tsxLoader, script, ...args] : [script, ...args];
  const child =
    canPin && core !== undefined
      ? spawn("taskset", ["-c", String(core), process.execPath, ...nodeArgs], {
          env,
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(process.execPath, nodeArgs, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stderr?.on("data", (data: Buffer) => process.stderr.write(`[${script.split("/").pop()}] ${data}`));
  return child;
}

const stopper = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });

function waitForReady(child: ChildProcess, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (data: Buffer) => {
      output += data;
      const match = /READY (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
}

/** Starts the fake upstream in its own process. */
export async function startUpstreamProcess(
  options: { latencyMs: number; chunks: number; intervalMs: number },
  core?: number,
): Promise<BenchChild> {
  const child = spawnNode(
    benchProcess,
    ["upstream", String(options.latencyMs), String(options.chunks), String(options.intervalMs)],
    core,
    process.env,
  );
  const port = await waitForReady(child, "fake upstream");
  return { name: "upstream", process: child, port, stop: stopper(child) };
}

/** Starts the bare proxy in its own process. */
export async function startProxyProcess(upstreamPort: number, core?: number): Promise<BenchChild> {
  const child = spawnNode(benchProcess, ["proxy", `http://127.0.0.1:${upstreamPort}`], core, process.env);
  const port = await waitForReady(child, "bare proxy");
  return { name: "bare proxy", process: child, port, stop: stopper(child) };
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode} during start-up`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Starts the real gateway (apps/server) with every upstream pointed at the fake upstream. */
export async function startGatewayProcess(
  upstreamPort: number,
  port: number,
  core?: number,
): Promise<BenchChild> {
  if (!existsSync(serverMain))
    throw new Error(
      "the gateway is not built: run `pnpm --filter @switchyard/server build` (pnpm bench does)",
    );
  const upstream = `http://127.0.0.1:${upstreamPort}`;
  // Each gateway stores its responses in a fresh SQLite file, removed when it stops.
  const dataDir = mkdtempSync(join(tmpdir(), "switchyard-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SWITCHYARD_DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    SWITCHYARD_API_KEYS: "ak_bench",
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: `${upstream}/v1`,
    DEEPSEEK_API_KEY: "sk-bench",
    DEEPSEEK_BASE_URL: upstream,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  };
  const child = spawnNode(serverMain, [], core, env);
  child.stdout?.resume();
  await waitForPort(port, child);
  const stop = stopper(child);
  return {
    name: "gateway",
    process: child,
    port,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident set size of a process in bytes, from /proc; undefined where /proc is absent. */
export function residentSetSize(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
