export {
  chatChunksToResponsesEvents,
  responsesEventsToChatChunks,
  transcodeSse,
} from "./adapters/async-iterables";
export { toSseTransformStream } from "./adapters/web-streams";
export { chatCompletionToChunks } from "./chat-to-chat/chat-completion-to-chunks";
export {
  type ChatToResponsesOptions,
  type ChatToResponsesTranscoder,
  createChatToResponsesTranscoder,
} from "./chat-to-responses/chat-to-responses-transcoder";
export {
  createResponsesToChatTranscoder,
  type ResponsesToChatOptions,
  type ResponsesToChatTranscoder,
} from "./responses-to-chat/responses-to-chat-transcoder";
export { createChatSseToResponsesSse } from "./sse/chat-sse-to-responses-sse";
export { encodeChatChunk, encodeResponsesEvent } from "./sse/encode";
export { createResponsesSseToChatSse, encodeChatErrorFrame } from "./sse/responses-sse-to-chat-sse";
export type { SseTranscoder } from "./sse/sse-transcoder";
