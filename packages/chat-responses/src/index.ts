export { buildResponseObject, outputTextOf, type ResponseState } from "./build-response-object";
export { chatMessagesToResponsesInput } from "./chat-messages-to-responses-input";
export { chatRequestToResponses } from "./chat-request-to-responses";
export { type ChatResponseToResponsesOptions, chatResponseToResponses } from "./chat-response-to-responses";
export { echoedTools } from "./echo-tools";
export { chatPartToInput, inputPartToChat } from "./map-content-parts";
export { finishReasonToStatus, type StatusWithDetails, statusToFinishReason } from "./map-finish-reason";
export { responseFormatToTextFormat, textFormatToResponseFormat } from "./map-text-format";
export { chatToolChoiceToResponses, responsesToolChoiceToChat } from "./map-tool-choice";
export {
  type ChatToolsPlan,
  chatToolsToResponses,
  type ResponsesToolsToChatOptions,
  responsesToolsToChat,
} from "./map-tools";
export { chatUsageToResponses, responsesUsageToChat } from "./map-usage";
export {
  chatReasoningToItems,
  type ReasoningTextPlacement,
  reasoningContentOf,
  reasoningItemToDetails,
  unwrapReasoningDetails,
  WRAPPED_REASONING_PREFIX,
  wrapReasoningDetails,
} from "./reasoning-items";
export {
  type ChatAssistantMessageWithPhase,
  responsesInputToChatMessages,
} from "./responses-input-to-chat-messages";
export { responsesRequestToChat } from "./responses-request-to-chat";
export { type ResponsesResponseToChatOptions, responsesResponseToChat } from "./responses-response-to-chat";
export { customInputOfArguments, customInputToArguments, grammarOf } from "./tools/custom-tool";
export { isWebSearchTool, WEB_SEARCH_TOOL_TYPES } from "./tools/hosted-tools";
export {
  type FinishedToolCall,
  functionCallToOutputItem,
  type OutputToolCallType,
  outputToolCallTypeOf,
  TOOL_CALL_ID_PREFIX,
} from "./tools/tool-call-output-items";
export {
  createToolSurface,
  MAX_TOOL_NAME_LENGTH,
  preferredChatName,
  type ToolOrigin,
  type ToolSurface,
} from "./tools/tool-surface";
