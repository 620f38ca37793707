import { type ReasoningDetail, ReasoningDetailSchema } from "./reasoning-details";

/**
 * Prefix of a string that wraps `reasoning_details` for a trip through a protocol that has no field for them:
 * a Responses `encrypted_content`, or an Anthropic thinking `signature`. Clients treat both as opaque and send
 * them back unchanged, so another model's signed state (a Gemini thought signature, Claude's thinking) comes
 * back on the next turn and reaches the model that made it.
 */
export const REASONING_ENVELOPE_PREFIX = "switchyard.reasoning_details.v1:";

function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Wraps reasoning details into one opaque string. */
export function wrapReasoningDetails(details: readonly ReasoningDetail[]): string {
  return REASONING_ENVELOPE_PREFIX + toBase64(JSON.stringify(details));
}

/** Unwraps a string made by `wrapReasoningDetails`; undefined for any other string (a real signature or blob). */
export function unwrapReasoningDetails(wrapped: string): ReasoningDetail[] | undefined {
  if (!wrapped.startsWith(REASONING_ENVELOPE_PREFIX)) return undefined;
  const json = fromBase64(wrapped.slice(REASONING_ENVELOPE_PREFIX.length));
  if (json === undefined) return undefined;
  try {
    const result = ReasoningDetailSchema.array().safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
