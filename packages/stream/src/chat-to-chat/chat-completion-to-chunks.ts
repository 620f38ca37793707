import type { ChatChoice, ChatCompletionChunk, ChatCompletionResponse, ChatDelta } from "@switchyard/core";

/** The fields every chunk of the stream repeats from the completion. */
type ChunkEnvelope = Pick<
  ChatCompletionChunk,
  "id" | "object" | "created" | "model" | "system_fingerprint" | "service_tier"
>;

function chunkEnvelope(completion: ChatCompletionResponse): ChunkEnvelope {
  const envelope: ChunkEnvelope = {
    id: completion.id,
    object: "chat.completion.chunk",
    created: completion.created,
    model: completion.model,
  };
  if (completion.system_fingerprint != null) envelope.system_fingerprint = completion.system_fingerprint;
  if (completion.service_tier != null) envelope.service_tier = completion.service_tier;
  return envelope;
}

/** The first delta of a choice: the role, the reasoning and the text (with its logprobs on the choice). */
function messageDelta(choice: ChatChoice): ChatDelta {
  const message = choice.message;
  const delta: ChatDelta = { role: "assistant", content: message.content ?? null };
  if (message.reasoning_content != null) delta.reasoning_content = message.reasoning_content;
  else if (message.reasoning != null) delta.reasoning_content = message.reasoning;
  if (message.reasoning_details != null && message.reasoning_details.length > 0)
    delta.reasoning_details = message.reasoning_details;
  if (message.refusal != null) delta.refusal = message.refusal;
  if (message.function_call != null) delta.function_call = message.function_call;
  return delta;
}

/**
 * A whole Chat completion as the chunks of a stream, for an upstream that cannot stream (OpenAI's o3-pro and
 * gpt-5.x pro models): per choice, one chunk with the role, reasoning and text, one per tool call (id, name
 * and all its arguments at once), and one with the finish reason; then, when the completion has usage, the
 * `choices: []` usage chunk that OpenAI sends last. Pure: the chunks repeat the completion's id, `created`
 * and model.
 */
export function chatCompletionToChunks(completion: ChatCompletionResponse): ChatCompletionChunk[] {
  const envelope = chunkEnvelope(completion);
  const chunks: ChatCompletionChunk[] = [];
  for (const choice of completion.choices) {
    chunks.push({
      ...envelope,
      choices: [
        {
          index: choice.index,
          delta: messageDelta(choice),
          logprobs: choice.logprobs ?? null,
          finish_reason: null,
        },
      ],
    });
    for (const [position, call] of (choice.message.tool_calls ?? []).entries()) {
      chunks.push({
        ...envelope,
        choices: [
          {
            index: choice.index,
            delta: {
              tool_calls: [
                call.type === "function"
                  ? {
                      index: position,
                      id: call.id,
                      type: "function",
                      function: { name: call.function.name, arguments: call.function.arguments },
                    }
                  : {
                      index: position,
                      id: call.id,
                      type: "custom",
                      custom: { name: call.custom.name, input: call.custom.input },
                    },
              ],
            },
            logprobs: null,
            finish_reason: null,
          },
        ],
      });
    }
    chunks.push({
      ...envelope,
      choices: [{ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finish_reason }],
    });
  }
  if (completion.usage != null) chunks.push({ ...envelope, choices: [], usage: completion.usage });
  return chunks;
}
