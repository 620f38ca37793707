import { z } from "zod";

// The Gemini generateContent wire format, loose: fields Google adds later survive parsing.
// Reference: https://ai.google.dev/api/generate-content and the `@google/genai` types (src/types.ts).

/** One streamed fragment of a function call's arguments (Gemini 3 `partialArgs`). */
export const GeminiPartialArgSchema = z.looseObject({
  jsonPath: z.string().optional(),
  stringValue: z.string().optional(),
  numberValue: z.number().optional(),
  boolValue: z.boolean().optional(),
  nullValue: z.string().optional(),
  willContinue: z.boolean().optional(),
});

/** `functionCall`: a call predicted by the model; in a stream it may arrive in pieces. */
export const GeminiFunctionCallSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  args: z.record(z.string(), z.unknown()).nullish(),
  partialArgs: z.array(GeminiPartialArgSchema).optional(),
  willContinue: z.boolean().optional(),
});

/** `functionResponse`: the result of a call, sent back in a user turn. */
export const GeminiFunctionResponseSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  response: z.record(z.string(), z.unknown()),
});

/** `inlineData`: base64 bytes with their MIME type. */
export const GeminiBlobSchema = z.looseObject({ mimeType: z.string(), data: z.string() });

/** `fileData`: a URI Gemini reads itself (Files API, YouTube, Cloud Storage, public https). */
export const GeminiFileDataSchema = z.looseObject({
  fileUri: z.string(),
  mimeType: z.string().optional(),
});

/** One part of a content: exactly one payload field, plus `thought` and `thoughtSignature`. */
export const GeminiPartSchema = z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  inlineData: GeminiBlobSchema.optional(),
  fileData: GeminiFileDataSchema.optional(),
  functionCall: GeminiFunctionCallSchema.optional(),
  functionResponse: GeminiFunctionResponseSchema.optional(),
  executableCode: z.record(z.string(), z.unknown()).optional(),
  codeExecutionResult: z.record(z.string(), z.unknown()).optional(),
});

/** A turn: `user` or `model`, and its parts. */
export const GeminiContentSchema = z.looseObject({
  role: z.string().optional(),
  parts: z.array(GeminiPartSchema).optional(),
});

/** Token counts of one modality. */
export const GeminiModalityTokenCountSchema = z.looseObject({
  modality: z.string().optional(),
  tokenCount: z.number().int().optional(),
});

/** `usageMetadata`: cumulative token counts (repeated on every stream frame). */
export const GeminiUsageMetadataSchema = z.looseObject({
  promptTokenCount: z.number().int().optional(),
  candidatesTokenCount: z.number().int().optional(),
  totalTokenCount: z.number().int().optional(),
  thoughtsTokenCount: z.number().int().optional(),
  cachedContentTokenCount: z.number().int().optional(),
  toolUsePromptTokenCount: z.number().int().optional(),
  promptTokensDetails: z.array(GeminiModalityTokenCountSchema).optional(),
  candidatesTokensDetails: z.array(GeminiModalityTokenCountSchema).optional(),
});

/** One candidate of `logprobsResult`. */
export const GeminiLogprobsCandidateSchema = z.looseObject({
  token: z.string().optional(),
  tokenId: z.number().optional(),
  logProbability: z.number().optional(),
});

/** `logprobsResult`: chosen tokens and the top alternatives, one entry per decoding step. */
export const GeminiLogprobsResultSchema = z.looseObject({
  chosenCandidates: z.array(GeminiLogprobsCandidateSchema).optional(),
  topCandidates: z
    .array(z.looseObject({ candidates: z.array(GeminiLogprobsCandidateSchema).optional() }))
    .optional(),
});

/** One generated candidate. */
export const GeminiCandidateSchema = z.looseObject({
  content: GeminiContentSchema.optional(),
  finishReason: z.string().optional(),
  finishMessage: z.string().optional(),
  index: z.number().int().optional(),
  logprobsResult: GeminiLogprobsResultSchema.optional(),
});

/** `promptFeedback`: set when the prompt itself was blocked. */
export const GeminiPromptFeedbackSchema = z.looseObject({
  blockReason: z.string().optional(),
  blockReasonMessage: z.string().optional(),
});

/** The body of a generateContent answer, and of every `streamGenerateContent?alt=sse` frame. */
export const GeminiResponseSchema = z.looseObject({
  candidates: z.array(GeminiCandidateSchema).optional(),
  promptFeedback: GeminiPromptFeedbackSchema.optional(),
  usageMetadata: GeminiUsageMetadataSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});

/** The error body Google APIs return: `{error: {code, message, status, details}}`. */
export const GeminiErrorBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
});

export type GeminiPartialArg = z.infer<typeof GeminiPartialArgSchema>;
export type GeminiFunctionCall = z.infer<typeof GeminiFunctionCallSchema>;
export type GeminiFunctionResponse = z.infer<typeof GeminiFunctionResponseSchema>;
export type GeminiPart = z.infer<typeof GeminiPartSchema>;
export type GeminiContent = z.infer<typeof GeminiContentSchema>;
export type GeminiUsageMetadata = z.infer<typeof GeminiUsageMetadataSchema>;
export type GeminiLogprobsResult = z.infer<typeof GeminiLogprobsResultSchema>;
export type GeminiCandidate = z.infer<typeof GeminiCandidateSchema>;
/** A generateContent response body or one stream frame. */
export type GeminiResponse = z.infer<typeof GeminiResponseSchema>;
export type GeminiErrorBody = z.infer<typeof GeminiErrorBodySchema>;

/** A JSON value, as schemas and function arguments are. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A function declaration: `parametersJsonSchema` (full JSON Schema) or `parameters` (OpenAPI subset). */
export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  parametersJsonSchema?: Record<string, unknown>;
}

/** `toolConfig.functionCallingConfig`. */
export interface GeminiFunctionCallingConfig {
  mode: "AUTO" | "ANY" | "NONE" | "VALIDATED";
  allowedFunctionNames?: string[];
}

/** `generationConfig.thinkingConfig`: `thinkingLevel` (Gemini 3) or `thinkingBudget` (2.5), never both. */
export interface GeminiThinkingConfig {
  includeThoughts?: boolean;
  thinkingBudget?: number;
  thinkingLevel?: "minimal" | "low" | "medium" | "high";
}

/** `generationConfig`. */
export interface GeminiGenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  candidateCount?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseLogprobs?: boolean;
  logprobs?: number;
  responseMimeType?: string;
  responseSchema?: Record<string, unknown>;
  responseJsonSchema?: Record<string, unknown>;
  thinkingConfig?: GeminiThinkingConfig;
}

/** The body of `POST /v1beta/models/{model}:generateContent`. */
export interface GeminiRequest {
  contents: GeminiContent[];
  systemInstruction?: { parts: GeminiPart[] };
  tools?: { functionDeclarations: GeminiFunctionDeclaration[] }[];
  toolConfig?: { functionCallingConfig: GeminiFunctionCallingConfig };
  generationConfig?: GeminiGenerationConfig;
  [extension: string]: unknown;
}
