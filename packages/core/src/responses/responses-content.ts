import { z } from "zod";

/** `input_text` content. */
export const InputTextContentSchema = z.looseObject({ type: z.literal("input_text"), text: z.string() });

/** `input_image` content: a URL (https or data:) or an uploaded file id. */
export const InputImageContentSchema = z.looseObject({
  type: z.literal("input_image"),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.enum(["low", "high", "auto"]).optional(),
});

/** `input_file` content: inline `file_data` (base64 or data: URL), a `file_url`, or a `file_id`. */
export const InputFileContentSchema = z.looseObject({
  type: z.literal("input_file"),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
});

/** `input_audio` content. */
export const InputAudioContentSchema = z.looseObject({
  type: z.literal("input_audio"),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});

/** Content a user, system or developer message may hold. */
export const InputContentSchema = z.discriminatedUnion("type", [
  InputTextContentSchema,
  InputImageContentSchema,
  InputFileContentSchema,
  InputAudioContentSchema,
]);

/** One token's log probability in `output_text.logprobs`. */
export const ResponseLogprobSchema = z.looseObject({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number().int()).optional(),
  top_logprobs: z
    .array(
      z.looseObject({ token: z.string(), logprob: z.number(), bytes: z.array(z.number().int()).optional() }),
    )
    .optional(),
});

/** `output_text` content of an assistant message. */
export const OutputTextContentSchema = z.looseObject({
  type: z.literal("output_text"),
  text: z.string(),
  annotations: z.array(z.looseObject({ type: z.string() })).optional(),
  logprobs: z.array(ResponseLogprobSchema).optional(),
});

/** `refusal` content of an assistant message. */
export const RefusalContentSchema = z.looseObject({ type: z.literal("refusal"), refusal: z.string() });

/** Content of an assistant message. */
export const OutputContentSchema = z.discriminatedUnion("type", [
  OutputTextContentSchema,
  RefusalContentSchema,
]);

export type InputTextContent = z.infer<typeof InputTextContentSchema>;
export type InputImageContent = z.infer<typeof InputImageContentSchema>;
export type InputFileContent = z.infer<typeof InputFileContentSchema>;
export type InputAudioContent = z.infer<typeof InputAudioContentSchema>;
export type InputContent = z.infer<typeof InputContentSchema>;
export type ResponseLogprob = z.infer<typeof ResponseLogprobSchema>;
export type OutputTextContent = z.infer<typeof OutputTextContentSchema>;
export type RefusalContent = z.infer<typeof RefusalContentSchema>;
export type OutputContent = z.infer<typeof OutputContentSchema>;
