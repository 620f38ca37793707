import {
  type ChatCompletionResponse,
  ChatCompletionResponseSchema,
  type Clock,
  type IdGenerator,
  type ResponseObject,
  type ResponsesRequest,
  type Translation,
  type Warning,
} from "@switchyard/core";
import { buildResponseObject } from "./build-response-object";
import { chatMessageToOutputItems } from "./chat-message-to-output-items";
import { finishReasonToStatus } from "./map-finish-reason";
import { chatUsageToResponses } from "./map-usage";
import { parseUpstream } from "./parse-upstream";
import { createToolSurface } from "./tools/tool-surface";

/** Options of `chatResponseToResponses`. */
export interface ChatResponseToResponsesOptions {
  /** The Responses request being served; its settings are echoed on the Response object. */
  request: ResponsesRequest;
  /** Makes `resp`, `msg`, `fc` and `rs` ids. */
  ids: IdGenerator;
  /** Sets `completed_at`; without it a completed response uses the completion's `created` time. */
  clock?: Clock;
}

/**
 * A Chat completion -> the complete Response object. `choices[0]` becomes `output`; its `finish_reason`
 * becomes `status` and `incomplete_details`. Further choices are dropped with a warning. A body that does
 * not match the Chat schema throws a 502 `GatewayError` naming the field.
 */
export function chatResponseToResponses(
  upstream: ChatCompletionResponse,
  options: ChatResponseToResponsesOptions,
): Translation<ResponseObject> {
  const response = parseUpstream(ChatCompletionResponseSchema, upstream, "Chat completion");
  const { request, ids, clock } = options;
  const warnings: Warning[] = [];
  const id = ids("resp");
  const choice = response.choices[0];
  if (response.choices.length > 1) {
    warnings.push({
      type: "dropped_content",
      code: "choices",
      message: `A Response holds one output; ${response.choices.length - 1} further choice(s) were dropped.`,
    });
  }
  const { status, incompleteDetails } = finishReasonToStatus(choice?.finish_reason ?? null);
  const output =
    choice === undefined
      ? []
      : chatMessageToOutputItems(choice.message, {
          ids,
          status: status === "incomplete" ? "incomplete" : "completed",
          logprobs: choice.logprobs,
          warnings,
          surface: createToolSurface(request.tools),
        });
  const completedAt =
    status === "completed" ? (clock === undefined ? response.created : Math.floor(clock() / 1000)) : null;
  const value = buildResponseObject(request, {
    id,
    createdAt: response.created,
    model: response.model,
    status,
    output,
    usage: response.usage == null ? null : chatUsageToResponses(response.usage),
    incompleteDetails,
    completedAt,
    serviceTier: response.service_tier ?? null,
  });
  if (response.routing_metadata !== undefined) value.routing_metadata = response.routing_metadata;
  return { value, warnings };
}
