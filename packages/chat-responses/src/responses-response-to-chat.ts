import {
  type ChatAnnotation,
  type ChatCompletionRequest,
  type ChatCompletionResponse,
  type ChatLogprobs,
  type ChatResponseMessage,
  type ChatTokenLogprob,
  type ChatToolCall,
  GatewayError,
  type ReasoningDetail,
  type ReasoningItem,
  type ResponseLogprob,
  type ResponseObject,
  ResponseObjectSchema,
  type Translation,
  type Warning,
} from "@switchyard/core";
import { statusToFinishReason } from "./map-finish-reason";
import { responsesUsageToChat } from "./map-usage";
import { parseUpstream } from "./parse-upstream";
import { reasoningContentOf, reasoningItemToDetails } from "./reasoning-items";

/** Options of `responsesResponseToChat`. */
export interface ResponsesResponseToChatOptions {
  /** The Chat request being served: `logprobs: true` makes `choices[0].logprobs` present even when empty. */
  request?: ChatCompletionRequest;
}

/** A flat Responses `url_citation` -> the nested Chat form; other annotations pass as they are. */
function toChatAnnotation(annotation: { type: string; [field: string]: unknown }): ChatAnnotation {
  if (annotation.type !== "url_citation") return annotation;
  const { url, title, start_index, end_index } = annotation as Record<string, unknown>;
  if (typeof url !== "string" || typeof start_index !== "number" || typeof end_index !== "number") {
    return annotation;
  }
  return {
    type: "url_citation",
    url_citation: { url, title: typeof title === "string" ? title : "", start_index, end_index },
  };
}

const toChatLogprob = (entry: ResponseLogprob): ChatTokenLogprob => ({
  token: entry.token,
  logprob: entry.logprob,
  bytes: entry.bytes ?? null,
  top_logprobs: (entry.top_logprobs ?? []).map((top) => ({
    token: top.token,
    logprob: top.logprob,
    bytes: top.bytes ?? null,
  })),
});

/** A Response that did not finish cannot be a Chat completion: a 502 carrying the upstream's error. */
function refuseUnfinished(response: ResponseObject): void {
  if (response.status === "completed" || response.status === "incomplete") return;
  const detail = response.error ? `: ${response.error.message}` : "";
  throw new GatewayError({
    status: 502,
    type: "upstream_error",
    code: response.error?.code ?? `response_${response.status}`,
    message: `The upstream response ended with status '${response.status}'${detail}`,
    retryable: response.status === "failed" && response.error?.code === "server_error",
  });
}

/**
 * A Response object -> a Chat completion (the fourth translation). Messages become `content` (their
 * `output_text` parts concatenated, as `output_text` is) and `refusal`; function calls become `tool_calls`;
 * reasoning items become `reasoning_details` and `reasoning_content` (each item's reasoning text, else its
 * summaries, as the stream transcoder streams them); `status` becomes `finish_reason`.
 * Built-in tool items have no Chat form and are dropped with a warning. A failed, cancelled or unfinished
 * Response, or one that does not match the Response schema, throws a 502 `GatewayError`.
 */
export function responsesResponseToChat(
  upstream: ResponseObject,
  options: ResponsesResponseToChatOptions = {},
): Translation<ChatCompletionResponse> {
  const response = parseUpstream(ResponseObjectSchema, upstream, "Response object");
  refuseUnfinished(response);
  const warnings: Warning[] = [];
  const texts: string[] = [];
  const refusals: string[] = [];
  const annotations: ChatAnnotation[] = [];
  const logprobs: ChatTokenLogprob[] = [];
  const toolCalls: ChatToolCall[] = [];
  const details: ReasoningDetail[] = [];
  const reasoningItems: ReasoningItem[] = [];
  const phases: string[] = [];
  let hasMessage = false;

  response.output.forEach((item, index) => {
    switch (item.type) {
      case "message": {
        if (item.role !== "assistant") return;
        hasMessage = true;
        if (item.phase != null) phases.push(item.phase);
        for (const part of item.content) {
          if (part.type === "refusal") {
            refusals.push(part.refusal);
            continue;
          }
          // Chat annotation offsets index into the whole content, which is all texts joined.
          const offset = texts.join("").length;
          for (const annotation of part.annotations ?? []) {
            const chat = toChatAnnotation(annotation);
            if (chat.url_citation !== undefined && offset > 0) {
              chat.url_citation = {
                ...chat.url_citation,
                start_index: chat.url_citation.start_index + offset,
                end_index: chat.url_citation.end_index + offset,
              };
            }
            annotations.push(chat);
          }
          logprobs.push(...(part.logprobs ?? []).map(toChatLogprob));
          texts.push(part.text);
        }
        return;
      }
      case "function_call":
        toolCalls.push({
          id: item.call_id,
          type: "function",
          function: { name: item.name, arguments: item.arguments },
        });
        return;
      case "custom_tool_call":
        toolCalls.push({ id: item.call_id, type: "custom", custom: { name: item.name, input: item.input } });
        return;
      case "reasoning":
        reasoningItems.push(item);
        details.push(...reasoningItemToDetails(item));
        return;
      default:
        warnings.push({
          type: "dropped_content",
          code: `output[${index}]`,
          message: `'output[${index}]' is a '${item.type}' item of a built-in tool, which a Chat completion cannot carry; it was dropped.`,
        });
    }
  });

  const message: ChatResponseMessage = {
    role: "assistant",
    content: hasMessage && texts.length > 0 ? texts.join("") : null,
    refusal: refusals.length > 0 ? refusals.join("") : null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (annotations.length > 0) message.annotations = annotations;
  const reasoningText = reasoningContentOf(reasoningItems);
  if (reasoningText !== undefined) message.reasoning_content = reasoningText;
  if (details.length > 0) message.reasoning_details = details;
  const distinctPhases = [...new Set(phases)];
  if (distinctPhases.length === 1 && phases.length === 1) message.phase = distinctPhases[0];
  else if (phases.length > 1) {
    warnings.push({
      type: "dropped_content",
      code: "output.phase",
      message: `The Response holds ${phases.length} assistant messages with phases (${phases.join(", ")}); a Chat completion has one message, so their texts were joined and the phases dropped.`,
    });
  }

  const wantsLogprobs = options.request?.logprobs === true || logprobs.length > 0;
  const choiceLogprobs: ChatLogprobs | null = wantsLogprobs ? { content: logprobs, refusal: null } : null;
  const completion: ChatCompletionResponse = {
    id: response.id,
    object: "chat.completion",
    created: Math.floor(response.created_at),
    model: response.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: choiceLogprobs,
        finish_reason: statusToFinishReason(
          response.status,
          response.incomplete_details,
          toolCalls.length > 0,
        ),
      },
    ],
  };
  if (response.usage != null) completion.usage = responsesUsageToChat(response.usage);
  if (response.service_tier != null) completion.service_tier = response.service_tier;
  if (response.routing_metadata !== undefined) completion.routing_metadata = response.routing_metadata;
  return { value: completion, warnings };
}
