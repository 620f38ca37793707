export { convertJsonSchemaToGemini } from "./convert-json-schema-to-gemini";
export {
  convertToGeminiContents,
  type GeminiContents,
  GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER,
} from "./convert-to-gemini-contents";
export * from "./gemini-api";
export {
  geminiErrorToGatewayError,
  geminiIdentity,
  geminiStreamErrorToGatewayError,
  parseDurationMs,
  readGeminiError,
} from "./gemini-errors";
export { buildGeminiGenerationConfig } from "./gemini-generation-config";
export { geminiLogprobsToChat } from "./gemini-logprobs";
export { geminiPartForUrl, inlineDataFromDataUrl, mimeTypeOfUrl } from "./gemini-media";
export { bareModelId, type GeminiModelTraits, geminiModelTraits } from "./gemini-models";
export { PartialArgsAssembler, parseJsonPath } from "./gemini-partial-args";
export { createGoogleProvider, GOOGLE_DEFAULT_BASE_URL } from "./gemini-provider";
export { googleProviderDefinition } from "./gemini-provider-definition";
export { type ChatToGeminiOptions, chatRequestToGemini, deepMerge } from "./gemini-request";
export { type GeminiToChatOptions, geminiResponseToChat } from "./gemini-response";
export {
  createGeminiStreamTranscoder,
  type GeminiStreamOptions,
  type GeminiStreamTranscoder,
} from "./gemini-stream";
export { geminiUsageToChat, hasGeminiTokenCounts } from "./gemini-usage";
export { type MappedFinishReason, mapGeminiFinishReason } from "./map-gemini-finish-reason";
export { mapGeminiThinking } from "./map-gemini-thinking";
export { type GeminiToolFields, mapGeminiTools } from "./map-gemini-tools";
