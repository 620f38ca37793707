import { z } from "zod";

/**
 * Where a piece of opaque reasoning state came from. A blob is sent back only to the family that made it
 * (OpenRouter's published `reasoning_details` formats).
 */
export const REASONING_FORMATS = {
  openai: "openai-responses-v1",
  anthropic: "anthropic-claude-v1",
  google: "google-gemini-v1",
  xai: "xai-responses-v1",
  unknown: "unknown",
} as const;

/** One of the published `reasoning_details[].format` values, or another string a provider sent. */
export type ReasoningFormat = (typeof REASONING_FORMATS)[keyof typeof REASONING_FORMATS] | (string & {});

const detailBase = {
  id: z.string().nullish(),
  format: z.string().optional(),
  index: z.number().int().optional(),
};

/** Readable reasoning text, optionally signed (Anthropic thinking blocks carry a `signature`). */
export const ReasoningTextDetailSchema = z.looseObject({
  type: z.literal("reasoning.text"),
  text: z.string(),
  signature: z.string().nullish(),
  ...detailBase,
});

/** A reasoning summary (OpenAI Responses `summary_text`). */
export const ReasoningSummaryDetailSchema = z.looseObject({
  type: z.literal("reasoning.summary"),
  summary: z.string(),
  ...detailBase,
});

/** Opaque reasoning state: OpenAI `encrypted_content`, Anthropic redacted thinking, Gemini thought signatures. */
export const ReasoningEncryptedDetailSchema = z.looseObject({
  type: z.literal("reasoning.encrypted"),
  data: z.string(),
  ...detailBase,
});

/** One entry of the `reasoning_details` extension array. */
export const ReasoningDetailSchema = z.discriminatedUnion("type", [
  ReasoningTextDetailSchema,
  ReasoningSummaryDetailSchema,
  ReasoningEncryptedDetailSchema,
]);

export type ReasoningTextDetail = z.infer<typeof ReasoningTextDetailSchema>;
export type ReasoningSummaryDetail = z.infer<typeof ReasoningSummaryDetailSchema>;
export type ReasoningEncryptedDetail = z.infer<typeof ReasoningEncryptedDetailSchema>;
export type ReasoningDetail = z.infer<typeof ReasoningDetailSchema>;
