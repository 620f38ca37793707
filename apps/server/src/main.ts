import { pino } from "pino";
import { ConfigError, loadConfig } from "./config/config";
import { createGateway } from "./create-gateway";
import { discoveryBannerLines } from "./model-discovery";
import { startupBanner } from "./startup-banner";

// Log lines are buffered and written asynchronously, off the request path; flushed before exit.
const logDestination = pino.destination({ dest: 1, sync: false });

const exit = (code: number): never => {
  logDestination.flushSync();
  process.exit(code);
};

/** Starts the gateway from the environment and `--config`, and shuts it down gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let server: ReturnType<typeof createGateway>;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ env: process.env, argv: process.argv.slice(2) });
    server = createGateway({ config, logger: pino({ level: config.logging.level }, logDestination) });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { url } = await server.listen();
  process.stdout.write(startupBanner(config, url));
  // The model lists arrive after the banner: a slow provider never holds up the start.
  void server.modelDiscovery().then((outcomes) => {
    const lines = discoveryBannerLines(outcomes);
    if (lines.length > 0) process.stdout.write(`${lines.join("\n")}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now.\n`);
      exit(1);
    }
    stopping = true;
    process.stderr.write(
      `${signal}: finishing in-flight requests (up to ${config.limits.shutdownDeadlineMs} ms)...\n`,
    );
    server.close().then(
      () => exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Switchyard failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
