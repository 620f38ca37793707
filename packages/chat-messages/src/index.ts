export { chatResponseToMessages } from "./chat-response-to-messages";
export {
  type ChatToMessagesOptions,
  type ChatToMessagesTranscoder,
  createChatToMessagesTranscoder,
  encodeMessagesEvent,
} from "./chat-stream-to-messages";
export { type EstimatedTokenCount, estimateInputTokens } from "./estimate-input-tokens";
export { finishReasonToStopReason } from "./map-stop-reason";
export { type MessagesErrorBody, toMessagesError } from "./messages-errors";
export type * from "./messages-output";
export { messagesRequestToChat } from "./messages-request-to-chat";
export { chatUsageToMessages } from "./messages-usage";
