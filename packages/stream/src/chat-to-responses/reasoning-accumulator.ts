import { wrapReasoningDetails } from "@switchyard/chat-responses";
import { REASONING_FORMATS, type ReasoningDetail, type ReasoningEncryptedDetail } from "@switchyard/core";

/**
 * The opaque state gathered for one streamed reasoning item: a signature on its text (Anthropic) and
 * encrypted blobs (OpenAI, Anthropic redacted thinking, Gemini thought signatures).
 */
export interface ReasoningStateParts {
  signature: string | undefined;
  textFormat: string | undefined;
  textId: string | undefined;
  blob: ReasoningEncryptedDetail | undefined;
}

/** Fresh, empty reasoning state. */
export function emptyReasoningState(): ReasoningStateParts {
  return { signature: undefined, textFormat: undefined, textId: undefined, blob: undefined };
}

/**
 * The `encrypted_content` of a finished reasoning item, decided as chat-responses' non-streaming
 * `chatReasoningToItems` decides it: an OpenAI blob is carried as is; another family's signed or encrypted
 * state is wrapped with its text by `wrapReasoningDetails`, so it survives a round trip through a client.
 */
export function encryptedContentOf(text: string, state: ReasoningStateParts): string | undefined {
  const foreignBlob = state.blob !== undefined && state.blob.format !== REASONING_FORMATS.openai;
  if (state.signature === undefined && !foreignBlob) return state.blob?.data;
  const group: ReasoningDetail[] = [];
  if (text !== "" || state.signature !== undefined) {
    const detail: ReasoningDetail = { type: "reasoning.text", text };
    if (state.signature !== undefined) detail.signature = state.signature;
    if (state.textId !== undefined) detail.id = state.textId;
    if (state.textFormat !== undefined) detail.format = state.textFormat;
    group.push(detail);
  }
  if (state.blob !== undefined) group.push(state.blob);
  return wrapReasoningDetails(group);
}
