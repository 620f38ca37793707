export { type Authenticator, type ClientIdentity, createAuthenticator } from "./auth";
export { buildProvider, buildProviderRegistrations, type ProviderDependencies } from "./build-providers";
export {
  type ClientKey,
  ConfigError,
  type ConfigSources,
  DEFAULT_LIMITS,
  DEFAULT_PORT,
  environmentProviders,
  loadConfig,
  type ProviderConfig,
  type ServerConfig,
  type ServerLimits,
} from "./config/config";
export { ConfigFileSchema } from "./config/config-file-schema";
export { type CreateGatewayOptions, createGateway } from "./create-gateway";
export { type CreateServerOptions, createServer, type SwitchyardServer } from "./create-server";
export { errorToSend, sendError } from "./http-errors";
export {
  createServerMetrics,
  type RequestObservation,
  type ServerMetrics,
  type ServerMetricsOptions,
} from "./metrics";
export {
  builtInProviderDefinitions,
  builtInProviderRegistry,
  createProviderRegistry,
  type ProviderRegistry,
} from "./provider-registry";
export { readJsonBody } from "./read-json-body";
export type { RequestContext, RequestOutcome } from "./request-context";
export { createRouteTable, matchPath, type Route, type RouteMethod } from "./route-table";
export { sendJson } from "./send-json";
export type { ServerServices } from "./server-services";
export { createSseWriter, type SseWriter } from "./sse-writer";
export { createUndiciTransport, type UndiciTransport, type UndiciTransportOptions } from "./undici-transport";
