import { z } from "zod";
import { ResponseObjectSchema } from "./response-object";
import { OutputContentSchema, ResponseLogprobSchema } from "./responses-content";
import { ResponseOutputItemSchema } from "./responses-items";

const sequenced = { sequence_number: z.number().int().nonnegative() };
const onItem = { item_id: z.string(), output_index: z.number().int().nonnegative() };
const onContent = { ...onItem, content_index: z.number().int().nonnegative() };
const onSummary = { ...onItem, summary_index: z.number().int().nonnegative() };

const lifecycle = <Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), response: ResponseObjectSchema, ...sequenced });

/** `response.created`. */
export const ResponseCreatedEventSchema = lifecycle("response.created");
/** `response.in_progress`. */
export const ResponseInProgressEventSchema = lifecycle("response.in_progress");
/** `response.completed`: carries the full output and usage. */
export const ResponseCompletedEventSchema = lifecycle("response.completed");
/** `response.incomplete`: a length or content-filter stop. */
export const ResponseIncompleteEventSchema = lifecycle("response.incomplete");
/** `response.failed`. */
export const ResponseFailedEventSchema = lifecycle("response.failed");

/** `response.output_item.added` / `.done`. */
export const ResponseOutputItemAddedEventSchema = z.looseObject({
  type: z.literal("response.output_item.added"),
  output_index: z.number().int().nonnegative(),
  item: ResponseOutputItemSchema,
  ...sequenced,
});
export const ResponseOutputItemDoneEventSchema = z.looseObject({
  type: z.literal("response.output_item.done"),
  output_index: z.number().int().nonnegative(),
  item: ResponseOutputItemSchema,
  ...sequenced,
});

/** A content part in `content_part` events: output text, refusal, or reasoning text (open-weight servers). */
const StreamedContentPartSchema = z.union([
  OutputContentSchema,
  z.looseObject({ type: z.literal("reasoning_text"), text: z.string() }),
]);

/** `response.content_part.added` / `.done`. */
export const ResponseContentPartAddedEventSchema = z.looseObject({
  type: z.literal("response.content_part.added"),
  part: StreamedContentPartSchema,
  ...onContent,
  ...sequenced,
});
export const ResponseContentPartDoneEventSchema = z.looseObject({
  type: z.literal("response.content_part.done"),
  part: StreamedContentPartSchema,
  ...onContent,
  ...sequenced,
});

/** `response.output_text.delta` / `.done`. */
export const ResponseOutputTextDeltaEventSchema = z.looseObject({
  type: z.literal("response.output_text.delta"),
  delta: z.string(),
  logprobs: z.array(ResponseLogprobSchema).optional(),
  ...onContent,
  ...sequenced,
});
export const ResponseOutputTextDoneEventSchema = z.looseObject({
  type: z.literal("response.output_text.done"),
  text: z.string(),
  logprobs: z.array(ResponseLogprobSchema).optional(),
  ...onContent,
  ...sequenced,
});

/** `response.output_text.annotation.added`. */
export const ResponseAnnotationAddedEventSchema = z.looseObject({
  type: z.literal("response.output_text.annotation.added"),
  annotation: z.looseObject({ type: z.string() }),
  annotation_index: z.number().int().nonnegative(),
  ...onContent,
  ...sequenced,
});

/** `response.refusal.delta` / `.done`. */
export const ResponseRefusalDeltaEventSchema = z.looseObject({
  type: z.literal("response.refusal.delta"),
  delta: z.string(),
  ...onContent,
  ...sequenced,
});
export const ResponseRefusalDoneEventSchema = z.looseObject({
  type: z.literal("response.refusal.done"),
  refusal: z.string(),
  ...onContent,
  ...sequenced,
});

/** `response.function_call_arguments.delta` / `.done`. */
export const ResponseFunctionCallArgumentsDeltaEventSchema = z.looseObject({
  type: z.literal("response.function_call_arguments.delta"),
  delta: z.string(),
  ...onItem,
  ...sequenced,
});
export const ResponseFunctionCallArgumentsDoneEventSchema = z.looseObject({
  type: z.literal("response.function_call_arguments.done"),
  arguments: z.string(),
  name: z.string().optional(),
  ...onItem,
  ...sequenced,
});

/** `response.custom_tool_call_input.delta` / `.done`: the free-form input of a `custom_tool_call`. */
export const ResponseCustomToolCallInputDeltaEventSchema = z.looseObject({
  type: z.literal("response.custom_tool_call_input.delta"),
  delta: z.string(),
  ...onItem,
  ...sequenced,
});
export const ResponseCustomToolCallInputDoneEventSchema = z.looseObject({
  type: z.literal("response.custom_tool_call_input.done"),
  input: z.string(),
  ...onItem,
  ...sequenced,
});

const webSearchCallEvent = <Type extends string>(type: Type) =>
  z.looseObject({ type: z.literal(type), ...onItem, ...sequenced });

/** `response.web_search_call.in_progress` / `.searching` / `.completed`: a hosted web search's progress. */
export const ResponseWebSearchCallInProgressEventSchema = webSearchCallEvent(
  "response.web_search_call.in_progress",
);
export const ResponseWebSearchCallSearchingEventSchema = webSearchCallEvent(
  "response.web_search_call.searching",
);
export const ResponseWebSearchCallCompletedEventSchema = webSearchCallEvent(
  "response.web_search_call.completed",
);

/** `response.reasoning_summary_part.added` / `.done`. */
export const ResponseReasoningSummaryPartAddedEventSchema = z.looseObject({
  type: z.literal("response.reasoning_summary_part.added"),
  part: z.looseObject({ type: z.literal("summary_text"), text: z.string() }),
  ...onSummary,
  ...sequenced,
});
export const ResponseReasoningSummaryPartDoneEventSchema = z.looseObject({
  type: z.literal("response.reasoning_summary_part.done"),
  part: z.looseObject({ type: z.literal("summary_text"), text: z.string() }),
  ...onSummary,
  ...sequenced,
});

/** `response.reasoning_summary_text.delta` / `.done`. */
export const ResponseReasoningSummaryTextDeltaEventSchema = z.looseObject({
  type: z.literal("response.reasoning_summary_text.delta"),
  delta: z.string(),
  ...onSummary,
  ...sequenced,
});
export const ResponseReasoningSummaryTextDoneEventSchema = z.looseObject({
  type: z.literal("response.reasoning_summary_text.done"),
  text: z.string(),
  ...onSummary,
  ...sequenced,
});

/** `response.reasoning_text.delta` / `.done` (raw reasoning content). */
export const ResponseReasoningTextDeltaEventSchema = z.looseObject({
  type: z.literal("response.reasoning_text.delta"),
  delta: z.string(),
  ...onContent,
  ...sequenced,
});
export const ResponseReasoningTextDoneEventSchema = z.looseObject({
  type: z.literal("response.reasoning_text.done"),
  text: z.string(),
  ...onContent,
  ...sequenced,
});

/**
 * `error`: a failure during the stream, followed by `response.failed`. The SDK types put code, message and
 * param at the top level; OpenAI's servers also send them nested under `error`, so both are accepted.
 */
export const ResponseErrorEventSchema = z.looseObject({
  type: z.literal("error"),
  code: z.string().nullish(),
  message: z.string().optional(),
  param: z.string().nullish(),
  error: z
    .looseObject({
      type: z.string().optional(),
      code: z.string().nullish(),
      message: z.string(),
      param: z.string().nullish(),
    })
    .optional(),
  ...sequenced,
});

/** Every Responses stream event that the gateway reads or emits. Upstreams may send others. */
export const ResponseStreamEventSchema = z.discriminatedUnion("type", [
  ResponseCreatedEventSchema,
  ResponseInProgressEventSchema,
  ResponseCompletedEventSchema,
  ResponseIncompleteEventSchema,
  ResponseFailedEventSchema,
  ResponseOutputItemAddedEventSchema,
  ResponseOutputItemDoneEventSchema,
  ResponseContentPartAddedEventSchema,
  ResponseContentPartDoneEventSchema,
  ResponseOutputTextDeltaEventSchema,
  ResponseOutputTextDoneEventSchema,
  ResponseAnnotationAddedEventSchema,
  ResponseRefusalDeltaEventSchema,
  ResponseRefusalDoneEventSchema,
  ResponseFunctionCallArgumentsDeltaEventSchema,
  ResponseFunctionCallArgumentsDoneEventSchema,
  ResponseCustomToolCallInputDeltaEventSchema,
  ResponseCustomToolCallInputDoneEventSchema,
  ResponseWebSearchCallInProgressEventSchema,
  ResponseWebSearchCallSearchingEventSchema,
  ResponseWebSearchCallCompletedEventSchema,
  ResponseReasoningSummaryPartAddedEventSchema,
  ResponseReasoningSummaryPartDoneEventSchema,
  ResponseReasoningSummaryTextDeltaEventSchema,
  ResponseReasoningSummaryTextDoneEventSchema,
  ResponseReasoningTextDeltaEventSchema,
  ResponseReasoningTextDoneEventSchema,
  ResponseErrorEventSchema,
]);

/** One Responses stream event. */
export type ResponseStreamEvent = z.infer<typeof ResponseStreamEventSchema>;
/** The `type` of a Responses stream event the gateway knows. */
export type ResponseStreamEventType = ResponseStreamEvent["type"];
/** The event of a given type. */
export type ResponseStreamEventOf<Type extends ResponseStreamEventType> = Extract<
  ResponseStreamEvent,
  { type: Type }
>;
