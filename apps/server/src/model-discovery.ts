import { GatewayError } from "@switchyard/core";
import { discoveredModels, type ProviderRegistration, type Router } from "@switchyard/router";
import type { Logger } from "pino";

/** What reading one provider's model list gave. */
export interface DiscoveryOutcome {
  provider: string;
  /** Models the list reported (absent when it could not be read). */
  listed?: number;
  /** Of those, the ones the catalog lacked, now served. */
  added?: number;
  /** Why the list could not be read; the catalog keeps serving this provider. */
  error?: string;
}

/** Options of `startModelDiscovery`. */
export interface ModelDiscoveryOptions {
  router: Pick<Router, "models" | "addModels">;
  providers: readonly ProviderRegistration[];
  /** 0: read the lists once, at start-up. */
  refreshIntervalMs: number;
  timeoutMs: number;
  logger?: Logger;
}

/** Running discovery: the first round's outcome, and `stop` for shutdown. */
export interface ModelDiscovery {
  /** Resolves when every provider's list was read (or failed) once; never rejects. */
  readonly firstRound: Promise<DiscoveryOutcome[]>;
  stop(): void;
}

const describeError = (error: unknown): string =>
  error instanceof GatewayError || error instanceof Error ? error.message : String(error);

/**
 * Reads the model list of every provider that has one (with its first key, over the provider's own injected
 * transport), and adds the models the catalog lacks. A list that cannot be read is reported, never thrown.
 */
export async function discoverModels(
  router: ModelDiscoveryOptions["router"],
  providers: readonly ProviderRegistration[],
  timeoutMs: number,
): Promise<DiscoveryOutcome[]> {
  return Promise.all(
    providers
      .filter((registration) => registration.provider.listModels !== undefined)
      .map(async ({ provider, apiKeys }): Promise<DiscoveryOutcome> => {
        try {
          const listed = await provider.listModels!({
            apiKey: apiKeys[0] ?? "",
            signal: AbortSignal.timeout(timeoutMs),
          });
          const added = router.addModels(discoveredModels(router.models(), provider.name, listed));
          return { provider: provider.name, listed: listed.length, added: added.length };
        } catch (error) {
          return { provider: provider.name, error: describeError(error) };
        }
      }),
  );
}

/** Starts discovery: a first round now, then one every `refreshIntervalMs` until `stop`. */
export function startModelDiscovery(options: ModelDiscoveryOptions): ModelDiscovery {
  const round = async (): Promise<DiscoveryOutcome[]> => {
    const outcomes = await discoverModels(options.router, options.providers, options.timeoutMs);
    for (const outcome of outcomes) {
      if (outcome.error !== undefined)
        options.logger?.warn({ provider: outcome.provider, error: outcome.error }, "model list not read");
      else if ((outcome.added ?? 0) > 0)
        options.logger?.info({ provider: outcome.provider, added: outcome.added }, "models discovered");
    }
    return outcomes;
  };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped || options.refreshIntervalMs <= 0) return;
    timer = setTimeout(() => void round().then(schedule), options.refreshIntervalMs);
    // Discovery never keeps the process alive on its own.
    timer.unref();
  };
  const firstRound = round().then((outcomes) => {
    schedule();
    return outcomes;
  });
  return {
    firstRound,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/** The banner lines of a discovery round: per provider, what was added, or why its list was not read. */
export function discoveryBannerLines(outcomes: readonly DiscoveryOutcome[]): string[] {
  if (outcomes.length === 0) return [];
  const lines = ["Model lists:"];
  for (const outcome of outcomes) {
    lines.push(
      outcome.error === undefined
        ? `  ${outcome.provider}: ${outcome.listed} listed, ${outcome.added} added to the catalog`
        : `  ${outcome.provider}: not read (${outcome.error}); serving the catalog's models`,
    );
  }
  return lines;
}
