export {
  finishDeepSeekChunk,
  finishDeepSeekResponse,
  INSUFFICIENT_SYSTEM_RESOURCE,
  insufficientSystemResourceError,
} from "./deepseek-finish-reason";
export { DEEPSEEK_BASE_URL, deepSeekPreset } from "./deepseek-preset";
export { createDeepSeekProvider } from "./deepseek-provider";
export { deepSeekProviderDefinition } from "./deepseek-provider-definition";
export { deepSeekReasoningHistory } from "./deepseek-reasoning-history";
export { chatRequestToDeepSeek } from "./deepseek-request";
export { applyDeepSeekThinking, type DeepSeekThinking, deepSeekThinkingOf } from "./deepseek-thinking";
export { deepSeekUsageToChat } from "./deepseek-usage";
