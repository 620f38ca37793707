import type { AnthropicCountTokensRequest } from "@switchyard/anthropic-api";
import { estimateInputTokens } from "@switchyard/chat-messages";
import {
  type ChatCompletionRequest,
  invalidRequest,
  nativeTokenCounter,
  parseOrThrow,
  type ResponsesRequest,
  ResponsesRequestSchema,
} from "@switchyard/core";
import { chatRequestToAnthropic } from "@switchyard/provider-anthropic";
import type { AttemptTarget } from "@switchyard/router";
import { callOptionsFor, routeRequestOf } from "../gateway-request";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { ResponsesPlan } from "../responses-attempt";
import type { Route } from "../route-table";
import { routingHeaders } from "../routing-headers";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { prepareResponses } from "../state/prepare-responses";
import { planResponses } from "../state/responses-plan";
import { ANY_OFFERING, TOKEN_COUNT_HEADER } from "./messages-count-tokens";

/** The fields of a Messages body Anthropic's `count_tokens` takes. */
const COUNTED_FIELDS = ["model", "messages", "system", "tools", "tool_choice", "thinking"] as const;

type InputTokenCount = {
  object: "response.input_tokens";
  input_tokens: number;
  estimated?: true;
  method?: string;
};

/** The o200k estimate of a Chat request's input, as `/v1/messages/count_tokens` makes it. */
function estimate(chat: ChatCompletionRequest): InputTokenCount {
  const { messages, tools } = chat;
  const counted = estimateInputTokens({
    model: chat.model ?? "",
    messages,
    tools,
  } as unknown as AnthropicCountTokensRequest);
  return { object: "response.input_tokens", ...counted };
}

/** Counts at one target: exactly through Anthropic's endpoint where it routes there, else an estimate. */
async function countAt(
  signal: AbortSignal,
  plan: ResponsesPlan,
  target: AttemptTarget,
): Promise<InputTokenCount> {
  const chat = plan.attemptFor(target).chat();
  if (!chat.ok) throw chat.error;
  const request = { ...chat.translation.value, model: target.offering.providerModelId };
  const countTokens = nativeTokenCounter(target.provider, "anthropic-messages");
  if (countTokens === undefined) return estimate(request);
  const native = chatRequestToAnthropic(request, { model: target.modelInfo }).value.body as Record<
    string,
    unknown
  >;
  const body: Record<string, unknown> = {};
  for (const field of COUNTED_FIELDS) if (native[field] !== undefined) body[field] = native[field];
  const inputTokens = await countTokens(body, callOptionsFor(target, signal, false));
  return { object: "response.input_tokens", input_tokens: inputTokens };
}

/**
 * `POST /v1/responses/input_tokens`: the input tokens a Responses request would use, its stored state
 * (`previous_response_id`, `conversation`, `item_reference`) included. Exact where the model routes to a
 * provider that counts (Anthropic's `count_tokens`); otherwise an estimate, marked `estimated: true` with
 * its `method` in the body and by the `x-switchyard-token-count: estimated` header.
 */
export function responsesInputTokensRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/responses/input_tokens",
    authenticated: true,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const parsed = parseOrThrow(ResponsesRequestSchema, body);
      if (parsed.model === undefined && parsed.gateway?.models === undefined)
        throw invalidRequest("model: is required to count input tokens.", "model");
      // Counting stores nothing.
      const request: ResponsesRequest = { ...parsed, store: false, stream: false };
      const prepared = await prepareResponses(services, context.identity, request);
      const plan = planResponses(request, prepared);
      context.outcome.requestedModel = request.model ?? request.gateway?.models?.join(",") ?? "";
      const success = await services.router.route(
        routeRequestOf(
          request,
          "responses",
          ANY_OFFERING,
          { aliases: services.config.modelAliases, router: services.router },
          undefined,
        ),
        (target) => countAt(context.signal, plan, target),
        context.signal,
      );
      recordTarget(context, success);
      const count = success.value;
      sendJson(context.response, 200, count, {
        ...routingHeaders(success.target.offering),
        ...(count.estimated ? { [TOKEN_COUNT_HEADER]: "estimated" } : {}),
      });
    },
  };
}
