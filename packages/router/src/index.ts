export { mergeAddedModels } from "./add-models";
export { affinityKeyOf } from "./affinity-key";
export type { AffinityStoreOptions } from "./affinity-store";
export { builtInModels, PRICE_SNAPSHOT } from "./built-in-models";
export {
  CanonicalModelSchema,
  CatalogError,
  type CatalogOverrides,
  CatalogOverridesSchema,
  type ModelOverride,
  type OfferingOverride,
  OfferingSchema,
} from "./catalog-schema";
export { type BreakerState, CircuitBreaker, type CircuitBreakerOptions } from "./circuit-breaker";
export { computeCost, inTimeWindow, pricesFor } from "./cost";
export { discoveredModels } from "./discovered-models";
export { isFailoverError } from "./failover";
export {
  type HealthEstimate,
  HealthTracker,
  type HealthTrackerOptions,
  OPTIMISTIC_PRIOR,
} from "./health-tracker";
export { KeyPool, type KeyPoolOptions, type PooledKey } from "./key-pool";
export { isLocalFault, UPSTREAM_QUEUE_TIMEOUT_CODE } from "./local-fault";
export { mergeModels } from "./merge-models";
export {
  type ModelMatch,
  matchesModelId,
  type PriceSnapshot,
  type SnapshotModel,
  type SnapshotPrice,
} from "./price-snapshot";
export { requirementsOfChatRequest } from "./request-requirements";
export { ModelResolver, type ModelResolverOptions } from "./resolve-model";
export { type CreateRouterOptions, createRouter, DEFAULT_ROUTER_TIMEOUTS } from "./router";
export * from "./router-types";
export { type Candidate, offeringKey, selectCandidates, servesEndpoint } from "./select-candidates";
export { UNKNOWN_LIMIT, unknownOffering } from "./unknown-offering";
