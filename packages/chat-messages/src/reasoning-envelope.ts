import { REASONING_FORMATS, type ReasoningDetail, ReasoningDetailSchema } from "@switchyard/core";

// Opaque reasoning state from a non-Anthropic model (a Gemini thought signature, an OpenAI encrypted item)
// has no home in the Messages format, and a Messages client returns blocks to us exactly as it got them.
// It travels in a thinking block's `signature` or a redacted_thinking block's `data`, wrapped in this
// envelope, so it survives the client's round trip and reaches the model that made it.
const envelopePrefix = "swy1.";

const toBase64Url = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

const fromBase64Url = (encoded: string): string => {
  const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
};

/** Wraps reasoning details of another model family for a trip through a Messages client. */
export function wrapReasoningDetails(details: ReasoningDetail[]): string {
  return envelopePrefix + toBase64Url(JSON.stringify(details));
}

/** Unwraps an envelope made by `wrapReasoningDetails`; undefined when the value is not one (a real signature). */
export function unwrapReasoningDetails(value: string): ReasoningDetail[] | undefined {
  if (!value.startsWith(envelopePrefix)) return undefined;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(value.slice(envelopePrefix.length)));
    if (!Array.isArray(parsed)) return undefined;
    const details = parsed.map((detail) => ReasoningDetailSchema.safeParse(detail));
    return details.every((detail) => detail.success) ? details.map((detail) => detail.data!) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a reasoning detail was made by Claude, so it can go back to Anthropic as a native block. */
export const isAnthropicDetail = (detail: ReasoningDetail): boolean =>
  detail.format === REASONING_FORMATS.anthropic;
