/**
 * Entry point of the benchmark's child processes, so each part can be pinned to its own core:
 * `upstream <latencyMs> <chunks> <intervalMs>` or `proxy <upstreamOrigin>`. Prints `READY <port>` once listening.
 */
import { startBareProxy } from "./bare-proxy";
import { startFakeUpstream } from "./fake-upstream";

const [role, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  if (role === "upstream") {
    const [latencyMs = "0", chunks = "64", intervalMs = "0"] = args;
    const { port } = await startFakeUpstream({
      latencyMs: Number(latencyMs),
      chunks: Number(chunks),
      intervalMs: Number(intervalMs),
    });
    return port;
  }
  if (role === "proxy" && args[0]) return (await startBareProxy(args[0])).port;
  throw new Error(
    `usage: bench-process upstream <latencyMs> <chunks> <intervalMs> | proxy <origin>; got '${role}'`,
  );
}

main().then(
  (port) => process.stdout.write(`READY ${port}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
