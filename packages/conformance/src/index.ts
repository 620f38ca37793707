export { type CheckContext, CONFORMANCE_API_KEY, type ConformanceCheck } from "./check";
export { ConformanceFailure } from "./check-failure";
export type {
  ConformanceSubject,
  FakeAnswer,
  OptionalFeature,
  Scenario,
  ScenarioError,
  ScenarioToolCall,
  UpstreamFake,
} from "./conformance-subject";
export { createFakeTransport, type FakeBehaviour, type FakeTransport } from "./fake-transport";
export { openAIChatFake } from "./openai-chat-fake";
export {
  CHECK_TIMEOUT_MS,
  type CheckResult,
  type ConformanceReport,
  conformanceChecks,
  runCheck,
  runConformance,
} from "./run-conformance";
