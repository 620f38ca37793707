import {
  type ChatCompletionChunk,
  type ChatCompletionResponse,
  GatewayError,
  type Translation,
  type Warning,
} from "@switchyard/core";

/**
 * DeepSeek's extra finish reason, listed among `finish_reason` values in its API reference
 * (https://api-docs.deepseek.com/api/create-chat-completion): the inference system ran out of resources and
 * interrupted the answer. The page text could not be retrieved here; the value is confirmed by DeepSeek
 * clients (Portkey-AI/gateway src/providers/deepseek/types.ts, vercel/ai map-deepseek-finish-reason.ts,
 * which treats it as an error).
 */
export const INSUFFICIENT_SYSTEM_RESOURCE = "insufficient_system_resource";

/** The retryable error a non-streaming answer cut short by DeepSeek's capacity becomes. */
export function insufficientSystemResourceError(): GatewayError {
  return new GatewayError({
    status: 503,
    type: "overloaded_error",
    code: INSUFFICIENT_SYSTEM_RESOURCE,
    message:
      "DeepSeek interrupted the answer for lack of inference capacity; retry, or use another provider.",
    retryable: true,
    provider: "deepseek",
  });
}

const interruptedWarning: Warning = {
  type: "adjusted_parameter",
  code: "finish_reason",
  message:
    "DeepSeek interrupted the answer for lack of inference capacity (insufficient_system_resource); it is reported as 'length'.",
};

/**
 * A non-streaming answer interrupted for lack of capacity becomes a retryable 503: nothing has reached the
 * client yet, so the router can try again or fail over rather than hand back a truncated answer.
 */
export function finishDeepSeekResponse(
  response: ChatCompletionResponse,
): Translation<ChatCompletionResponse> {
  if (response.choices.some((choice) => choice.finish_reason === INSUFFICIENT_SYSTEM_RESOURCE))
    throw insufficientSystemResourceError();
  return { value: response, warnings: [] };
}

/**
 * In a stream the text before the interruption has already been sent, so the stream ends normally with
 * `finish_reason: "length"`: among OpenAI's finish reasons it is the one that says "the output stopped
 * before the model finished" (Responses clients see `incomplete`), where `stop` would claim a complete
 * answer. A warning names the real reason.
 */
export function finishDeepSeekChunk(chunk: ChatCompletionChunk): Translation<ChatCompletionChunk> {
  if (!chunk.choices.some((choice) => choice.finish_reason === INSUFFICIENT_SYSTEM_RESOURCE))
    return { value: chunk, warnings: [] };
  const choices = chunk.choices.map((choice) =>
    choice.finish_reason === INSUFFICIENT_SYSTEM_RESOURCE ? { ...choice, finish_reason: "length" } : choice,
  );
  return { value: { ...chunk, choices }, warnings: [interruptedWarning] };
}
