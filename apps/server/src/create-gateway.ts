import type { Clock, HttpTransport, IdGenerator } from "@switchyard/core";
import { builtInModels, CatalogError, createRouter, mergeModels } from "@switchyard/router";
import type { Logger } from "pino";
import { buildProviderRegistrations } from "./build-providers";
import { ConfigError, type ServerConfig } from "./config/config";
import { type CreateServerOptions, createServer, type SwitchyardServer } from "./create-server";
import { type DiscoveryOutcome, type ModelDiscovery, startModelDiscovery } from "./model-discovery";
import type { ProviderRegistry } from "./provider-registry";
import type { Route } from "./route-table";
import type { ServerServices } from "./server-services";
import { createUndiciTransport } from "./undici-transport";

/** Options of `createGateway`: the configuration plus optional injected transport, clock, ids and logger. */
export interface CreateGatewayOptions {
  config: ServerConfig;
  /** The upstream transport; an undici pool per origin when absent (closed with the server). */
  transport?: HttpTransport;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** Randomness for the router's tie-breaking; injected for deterministic tests. */
  random?: () => number;
  /** An opened storage for stored responses instead of the one the config names (tests). */
  storage?: CreateServerOptions["storage"];
  /** Lease length of background responses, in ms (tests). */
  leaseMs?: number;
  /** The provider packages it can build; the built-in ones when absent. Pass the same one to `loadConfig`. */
  providerRegistry?: ProviderRegistry;
  /** Extra route modules (such as `/v1/messages`). */
  routes?: (services: ServerServices) => Route[];
}

/** The gateway's server: a `SwitchyardServer` that also reads the providers' model lists once listening. */
export interface GatewayServer extends SwitchyardServer {
  /**
   * The first round of model discovery (started by `listen`, when `discovery.enabled`): per provider, what
   * its list added or why it was not read. Resolves to `[]` before `listen` or with discovery off.
   */
  modelDiscovery(): Promise<DiscoveryOutcome[]>;
}

/**
 * Assembles the gateway from its configuration: the undici transport, one provider per configured upstream,
 * the catalog (built-in models plus the config file's `catalog` changes), the router and the HTTP server.
 * Once listening, it reads the providers' model lists and adds what the catalog lacks (`model-discovery.ts`).
 * Throws `ConfigError` for a bad catalog section or preset.
 */
export function createGateway(options: CreateGatewayOptions): GatewayServer {
  const { config } = options;
  let models: ReturnType<typeof builtInModels>;
  try {
    models = mergeModels(builtInModels(), config.catalog);
  } catch (error) {
    if (error instanceof CatalogError)
      throw new ConfigError(
        error.key === "" ? `config file catalog: ${error.message}` : `config file catalog.${error.message}`,
      );
    throw error;
  }
  const owned =
    options.transport === undefined
      ? createUndiciTransport({
          connections: config.limits.upstreamConnections,
          headersTimeoutMs: config.limits.upstreamHeadersTimeoutMs,
          bodyTimeoutMs: config.limits.upstreamBodyTimeoutMs,
          queueTimeoutMs: config.limits.upstreamQueueTimeoutMs,
        })
      : undefined;
  const transport = options.transport ?? owned!.transport;
  const providers = buildProviderRegistrations(
    config.providers,
    {
      transport,
      maxAnswerBytes: config.limits.upstreamAnswerBytes,
      ...(options.ids === undefined ? {} : { ids: options.ids }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    },
    options.providerRegistry,
  );
  const router = createRouter({
    models,
    providers,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(config.limits.maxAttempts === undefined ? {} : { maxAttempts: config.limits.maxAttempts }),
    ...(config.limits.maxTotalMs === undefined ? {} : { maxTotalMs: config.limits.maxTotalMs }),
    firstByteTimeoutMs: config.limits.firstByteTimeoutMs,
    wholeAnswerTimeoutMs: config.limits.wholeAnswerTimeoutMs,
  });
  const server = createServer({
    config,
    router,
    providers,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.ids === undefined ? {} : { ids: options.ids }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.routes === undefined ? {} : { routes: options.routes }),
    ...(options.storage === undefined ? {} : { storage: options.storage }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(owned === undefined ? {} : { onClose: () => owned.close() }),
  });
  let discovery: ModelDiscovery | undefined;
  // The server's own methods are closures, so its object is extended as it is.
  return {
    ...server,
    async listen(port, host) {
      const address = await server.listen(port, host);
      if (config.discovery.enabled && discovery === undefined)
        discovery = startModelDiscovery({
          router,
          providers,
          refreshIntervalMs: config.discovery.refreshIntervalMs,
          timeoutMs: config.discovery.timeoutMs,
          logger: server.services.logger,
        });
      return address;
    },
    close(deadlineMs) {
      discovery?.stop();
      return server.close(deadlineMs);
    },
    modelDiscovery: () => discovery?.firstRound ?? Promise.resolve([]),
  };
}
