import type { Clock, HttpTransport, IdGenerator } from "@switchyard/core";
import { builtInModels, CatalogError, createRouter, mergeModels } from "@switchyard/router";
import type { Logger } from "pino";
import { buildProviderRegistrations } from "./build-providers";
import { ConfigError, type ServerConfig } from "./config/config";
import { type CreateServerOptions, createServer, type SwitchyardServer } from "./create-server";
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

/**
 * Assembles the gateway from its configuration: the undici transport, one provider per configured upstream,
 * the catalog (built-in models plus the config file's `catalog` changes), the router and the HTTP server.
 * Throws `ConfigError` for a bad catalog section or preset.
 */
export function createGateway(options: CreateGatewayOptions): SwitchyardServer {
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
  return createServer({
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
}
