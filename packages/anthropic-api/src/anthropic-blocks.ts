import { z } from "zod";

// The content blocks of the Anthropic Messages API, after the `@anthropic-ai/sdk` types
// (`src/resources/messages/messages.ts`), defined once for both directions. Every object is loose, so fields
// this package does not name survive a parse. `strict` is for what a client sends: closed value sets are
// checked. `loose` is for what an upstream answers: any string passes where a newer API may add a value.

/** How a schema set parses: `strict` for requests the gateway accepts, `loose` for answers it reads. */
export type SchemaMode = "strict" | "loose";

/** A closed set of values when strict, any string when loose. */
export function oneOfValues<Mode extends SchemaMode, const Values extends readonly [string, ...string[]]>(
  mode: Mode,
  values: Values,
): z.ZodType<Mode extends "strict" ? Values[number] : string> {
  // The one cast of the module: zod cannot tie a schema's output type to a runtime flag.
  return (mode === "strict" ? z.enum(values) : z.string()) as unknown as z.ZodType<
    Mode extends "strict" ? Values[number] : string
  >;
}

/** `cache_control`: an ephemeral breakpoint with a `5m` (the default) or `1h` time-to-live. */
export const cacheControlSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({ type: z.literal("ephemeral"), ttl: oneOfValues(mode, ["5m", "1h"]).optional() });

const cacheControlField = <Mode extends SchemaMode>(mode: Mode) => ({
  cache_control: cacheControlSchema(mode).nullish(),
});

/** `{type: "text"}`, in requests and answers; `citations` as sent. */
export const textBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({
    type: z.literal("text"),
    text: z.string(),
    citations: z.array(z.record(z.string(), z.unknown())).nullish(),
    ...cacheControlField(mode),
  });

// Image media types are not checked: Anthropic takes jpeg, png, gif and webp, and says so itself, while a
// translated upstream (Gemini) may take more; the provider checks what it sends.
/** An image source: base64 bytes, a URL, or an uploaded file. */
export const imageSourceSchema = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("base64"), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal("url"), url: z.string() }),
  z.looseObject({ type: z.literal("file"), file_id: z.string() }),
]);

/** `{type: "image"}`. */
export const imageBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({ type: z.literal("image"), source: imageSourceSchema, ...cacheControlField(mode) });

/**
 * A document source: a base64 PDF, plain text, inline content blocks, a PDF by URL, or an uploaded file
 * (`Base64PDFSource | PlainTextSource | ContentBlockSource | URLPDFSource | FileDocumentSource`).
 */
export const documentSourceSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.discriminatedUnion("type", [
    z.looseObject({
      type: z.literal("base64"),
      media_type: oneOfValues(mode, ["application/pdf"]),
      data: z.string(),
    }),
    z.looseObject({
      type: z.literal("text"),
      media_type: oneOfValues(mode, ["text/plain"]),
      data: z.string(),
    }),
    z.looseObject({
      type: z.literal("content"),
      content: z.union([z.string(), z.array(z.union([textBlockSchema(mode), imageBlockSchema(mode)]))]),
    }),
    z.looseObject({ type: z.literal("url"), url: z.string() }),
    z.looseObject({ type: z.literal("file"), file_id: z.string() }),
  ]);

/** `{type: "document"}`: a source plus an optional title and context. */
export const documentBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({
    type: z.literal("document"),
    source: documentSourceSchema(mode),
    title: z.string().nullish(),
    context: z.string().nullish(),
    citations: z.record(z.string(), z.unknown()).nullish(),
    ...cacheControlField(mode),
  });

/** `{type: "search_result"}`: text blocks with the source and title they came from. */
export const searchResultBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({
    type: z.literal("search_result"),
    source: z.string(),
    title: z.string(),
    content: z.array(textBlockSchema(mode)),
    ...cacheControlField(mode),
  });

/** `{type: "tool_reference"}`: a tool the tool search found, named in a tool result. */
export const toolReferenceBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({ type: z.literal("tool_reference"), tool_name: z.string(), ...cacheControlField(mode) });

/** `{type: "thinking"}`: readable reasoning plus the signature that must travel back unchanged. */
export const thinkingBlockSchema = z.looseObject({
  type: z.literal("thinking"),
  thinking: z.string(),
  signature: z.string(),
});

/** `{type: "redacted_thinking"}`: encrypted reasoning, sent back unchanged. */
export const redactedThinkingBlockSchema = z.looseObject({
  type: z.literal("redacted_thinking"),
  data: z.string(),
});

/** The block types this package models; any other type is a server tool's or a newer API's block. */
export const KNOWN_BLOCK_TYPES = [
  "text",
  "image",
  "document",
  "search_result",
  "tool_reference",
  "tool_use",
  "tool_result",
  "thinking",
  "redacted_thinking",
] as const;

/** A block of a type this package does not model (server tools, newer kinds), kept as sent. */
export const otherBlockSchema = z.looseObject({
  type: z
    .string()
    .refine((type) => !(KNOWN_BLOCK_TYPES as readonly string[]).includes(type), "a content block type"),
});

/** `{type: "tool_use"}`: a client tool call with its parsed JSON input. */
export const toolUseBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({
    type: z.literal("tool_use"),
    id: z.string(),
    name: z.string(),
    input: z.unknown(),
    ...cacheControlField(mode),
  });

/** The blocks a `tool_result` may hold; `browser_state` and newer kinds pass as other blocks. */
export const toolResultContentBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.discriminatedUnion("type", [
    textBlockSchema(mode),
    imageBlockSchema(mode),
    documentBlockSchema(mode),
    searchResultBlockSchema(mode),
    toolReferenceBlockSchema(mode),
  ]);

/** `{type: "tool_result"}`: the answer to one `tool_use`, as a string or content blocks. */
export const toolResultBlockSchema = <Mode extends SchemaMode>(mode: Mode) =>
  z.looseObject({
    type: z.literal("tool_result"),
    tool_use_id: z.string(),
    content: z
      .union([z.string(), z.array(z.union([toolResultContentBlockSchema(mode), otherBlockSchema]))])
      .optional(),
    is_error: z.boolean().optional(),
    ...cacheControlField(mode),
  });
