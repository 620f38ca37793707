import { z } from "zod";

/** Prompt-caching hint on a content part, tool or message (Anthropic's `cache_control`, carried through Chat). */
export const CacheControlSchema = z.looseObject({
  type: z.literal("ephemeral"),
  ttl: z.string().optional(),
});

const cacheControl = { cache_control: CacheControlSchema.optional() };

/** `{type: "text"}` content part. */
export const ChatTextPartSchema = z.looseObject({
  type: z.literal("text"),
  text: z.string(),
  ...cacheControl,
});

/** `{type: "image_url"}` content part: an https or data: URL. */
export const ChatImagePartSchema = z.looseObject({
  type: z.literal("image_url"),
  image_url: z.looseObject({ url: z.string(), detail: z.enum(["auto", "low", "high"]).optional() }),
  ...cacheControl,
});

/** `{type: "input_audio"}` content part. */
export const ChatAudioPartSchema = z.looseObject({
  type: z.literal("input_audio"),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
  ...cacheControl,
});

/** `{type: "file"}` content part: inline `file_data` (a data: URL) or an uploaded `file_id`. */
export const ChatFilePartSchema = z.looseObject({
  type: z.literal("file"),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
  ...cacheControl,
});

/** `{type: "refusal"}` content part (assistant messages only). */
export const ChatRefusalPartSchema = z.looseObject({ type: z.literal("refusal"), refusal: z.string() });

/** Any content part a Chat message may hold. */
export const ChatContentPartSchema = z.discriminatedUnion("type", [
  ChatTextPartSchema,
  ChatImagePartSchema,
  ChatAudioPartSchema,
  ChatFilePartSchema,
  ChatRefusalPartSchema,
]);

export type CacheControl = z.infer<typeof CacheControlSchema>;
export type ChatTextPart = z.infer<typeof ChatTextPartSchema>;
export type ChatImagePart = z.infer<typeof ChatImagePartSchema>;
export type ChatAudioPart = z.infer<typeof ChatAudioPartSchema>;
export type ChatFilePart = z.infer<typeof ChatFilePartSchema>;
export type ChatRefusalPart = z.infer<typeof ChatRefusalPartSchema>;
export type ChatContentPart = z.infer<typeof ChatContentPartSchema>;
