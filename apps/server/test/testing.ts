/**
 * The loopback fake upstreams and the fault injectors, for tests and tools outside this package
 * (`@switchyard/server/testing`, used by `apps/chaos`). Test code: not part of the server's runtime.
 */
export { anthropicResponder } from "./fakes/anthropic-fake";
export { type FakeHandler, FakeUpstream, failWith, sseFrame, writeJson } from "./fakes/fake-upstream";
export {
  dribble,
  errorBodyWith200,
  type HeldFault,
  hangBeforeHeaders,
  hugeBody,
  malformedJson,
  malformedSse,
  resetAfterWrites,
  stallAfterWrites,
  statusWithSecrets,
} from "./fakes/faults";
export { geminiResponder } from "./fakes/gemini-fake";
export { openAIChatResponder } from "./fakes/openai-chat-fake";
export { openAIResponsesResponder } from "./fakes/openai-responses-fake";
