export { type BadInput, badInputs } from "./bad-inputs";
export {
  CHAOS_CLIENT_KEY,
  CHAOS_LIMITS,
  type ChaosFakes,
  type ChaosGateway,
  startFakes,
  startGateway,
  UPSTREAM_KEYS,
} from "./chaos-gateway";
export {
  type Endpoint,
  type ErrorAnswer,
  errorAnswerOf,
  type FaultOutcome,
  faultOutcomeOf,
  leaksIn,
  type StreamEnding,
  streamEndingOf,
} from "./classify";
export { FAULTS, type Fault } from "./fault-cases";
export { type ChaosCounts, chaosTable, sampleMemory } from "./report";
export { type Reply, type SendOptions, send } from "./send";
