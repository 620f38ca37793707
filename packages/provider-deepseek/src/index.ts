export {
  finishDeepSeekChunk,
  finishDeepSeekResponse,
  INSUFFICIENT_SYSTEM_RESOURCE,
  insufficientSystemResourceError,
} from "./deepseek-finish-reason";
export {
  emulateJsonSchema,
  type RequestedJsonSchema,
  requestedJsonSchema,
  schemaMismatch,
} from "./deepseek-json-schema";
export { DEEPSEEK_BASE_URL, deepSeekPreset } from "./deepseek-preset";
export { createDeepSeekProvider } from "./deepseek-provider";
export { deepSeekProviderDefinition } from "./deepseek-provider-definition";
export { deepSeekReasoningHistory } from "./deepseek-reasoning-history";
export { chatRequestToDeepSeek } from "./deepseek-request";
export { STRICT_SCHEMA_ATTEMPTS, withSchemaChecks } from "./deepseek-structured-output";
export { applyDeepSeekThinking, type DeepSeekThinking, deepSeekThinkingOf } from "./deepseek-thinking";
export { deepSeekUsageToChat } from "./deepseek-usage";
