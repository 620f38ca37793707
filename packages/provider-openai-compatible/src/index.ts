export { type FieldFilter, filterUnsupportedFields } from "./filter-unsupported-fields";
export { createToolCallIdMap, type ToolCallIdMap, toNineAlphanumericId } from "./mistral-tool-call-ids";
export {
  type ChatChunkNormalizer,
  type ChatChunkNormalizerOptions,
  createChatChunkNormalizer,
} from "./normalize-chat-chunk";
export {
  argumentsAsString,
  normalizeReasoningAndContent,
  type SplitContent,
  splitMessageContent,
} from "./normalize-message-content";
export { normalizeUsage } from "./normalize-usage";
export {
  type HttpErrorInput,
  openAICompatibleHttpError,
  openAICompatibleStreamError,
  openAICompatibleTransportError,
  readOpenAICompatibleError,
  readUpstreamError,
} from "./openai-compatible-errors";
export {
  COMMON_CHAT_FIELDS,
  definePreset,
  genericPreset,
  type OpenAICompatiblePreset,
  type PresetName,
  type PresetRequestContext,
  type StreamUsageMode,
  type ToolCallIdRule,
} from "./openai-compatible-preset";
export {
  createOpenAICompatibleProvider,
  type OpenAICompatibleProviderOptions,
  resolvePreset,
} from "./openai-compatible-provider";
export { openAICompatibleProviderDefinition } from "./openai-compatible-provider-definition";
export {
  chatRequestToOpenAICompatible,
  type OpenAICompatibleRequestBody,
  type OpenAICompatibleRequestOptions,
  type OpenAICompatibleRequestTranslation,
} from "./openai-compatible-request";
export {
  type OpenAICompatibleResponseOptions,
  openAICompatibleResponseToChat,
} from "./openai-compatible-response";
export {
  createOpenAICompatibleStreamDecoder,
  type OpenAICompatibleStreamDecoder,
  type OpenAICompatibleStreamOptions,
} from "./openai-compatible-stream";
export { fireworksPreset } from "./presets/fireworks";
export { groqPreset } from "./presets/groq";
export { openAICompatiblePresets } from "./presets/index";
export { llamacppPreset } from "./presets/llamacpp";
export { mistralPreset } from "./presets/mistral";
export { ollamaPreset } from "./presets/ollama";
export { togetherPreset } from "./presets/together";
export { vllmPreset } from "./presets/vllm";
export { xaiPreset } from "./presets/xai";
