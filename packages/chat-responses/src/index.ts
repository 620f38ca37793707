export { buildResponseObject, outputTextOf, type ResponseState } from "./build-response-object";
export { chatMessagesToResponsesInput } from "./chat-messages-to-responses-input";
export { chatRequestToResponses } from "./chat-request-to-responses";
export { type ChatResponseToResponsesOptions, chatResponseToResponses } from "./chat-response-to-responses";
export { echoedTools } from "./echo-tools";
export { chatPartToInput, inputPartToChat } from "./map-content-parts";
export { finishReasonToStatus, type StatusWithDetails, statusToFinishReason } from "./map-finish-reason";
export { responseFormatToTextFormat, textFormatToResponseFormat } from "./map-text-format";
export { chatToolChoiceToResponses, responsesToolChoiceToChat } from "./map-tool-choice";
export { chatToolsToResponses, responsesToolsToChat } from "./map-tools";
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
