export {
  applyOpenAIParameterRules,
  chatRequestToOpenAI,
  type OpenAIChatRequestOptions,
  type OpenAIRequestBody,
  requireModel,
  stripReasoningFromHistory,
} from "./openai-chat-request";
export {
  createOpenAIChatStreamParser,
  type OpenAIChatStreamParser,
  type OpenAIChatStreamParserOptions,
} from "./openai-chat-stream";
export {
  ABORTED_STATUS,
  OPENAI_PROVIDER_NAME,
  type OpenAIErrorObject,
  type OpenAIHttpErrorInput,
  openAIHttpError,
  openAIIdentity,
  openAIMalformedAnswer,
  openAIStreamError,
  openAITransportError,
  readOpenAIError,
  readOpenAIErrorObject,
} from "./openai-errors";
export {
  OPENAI_DEFAULT_BASE_URL,
  type OpenAIConnection,
  type OpenAIPostOptions,
  type OpenAIUpstreamAnswer,
  openAIHeaders,
  openAIUrl,
  postToOpenAI,
} from "./openai-http";
export { createOpenAIProvider } from "./openai-provider";
export { openAIProviderDefinition } from "./openai-provider-definition";
export {
  baseModelId,
  type EffortResolution,
  type OpenAIModelProfile,
  type OpenAIReasoningEffort,
  openAIModelProfile,
  resolveReasoningEffort,
} from "./openai-reasoning-models";
export { relayedHeaders, responsesRequestToOpenAI } from "./openai-responses-passthrough";
export {
  chatRequestToOpenAIResponses,
  createResponsesOnlyChatStream,
  openAIResponseToChat,
  type ResponsesOnlyChatStream,
  type ResponsesOnlyChatStreamOptions,
  type ResponsesOnlyRequestOptions,
} from "./responses-only-chat";
