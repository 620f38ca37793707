import { AnthropicCountTokensRequestSchema } from "@switchyard/anthropic-api";
import { type EstimatedTokenCount, estimateInputTokens } from "@switchyard/chat-messages";
import { nativeTokenCounter, parseOrThrow } from "@switchyard/core";
import type { AttemptTarget, RequestRequirements } from "@switchyard/router";
import { callOptionsFor, routeRequestOf } from "../gateway-request";
import {
  forwardedAnthropicHeaders,
  type MessagesEnvelope,
  nativeMessagesBody,
  parseMessagesEnvelope,
  routableMessagesRequest,
} from "../messages-request";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import type { RequestContext } from "../request-context";
import type { Route } from "../route-table";
import { routingHeaders } from "../routing-headers";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { renderMessagesError } from "./messages";

/** The response header that marks a count as an estimate rather than the upstream's own tokenizer. */
export const TOKEN_COUNT_HEADER = "x-switchyard-token-count";

/** A count needs nothing of an offering: any offering of the model may answer for it. */
export const ANY_OFFERING: RequestRequirements = {
  tools: false,
  parallelTools: false,
  vision: false,
  jsonSchema: false,
  logprobs: false,
  streaming: false,
  estimatedInputTokens: 0,
};

type TokenCount = { input_tokens: number } | EstimatedTokenCount;

/** Counts exactly where the provider can (Anthropic's own endpoint), or estimates from the request. */
async function countAt(
  context: RequestContext,
  envelope: MessagesEnvelope,
  body: unknown,
  target: AttemptTarget,
): Promise<TokenCount> {
  const provider = target.provider;
  const countTokens = nativeTokenCounter(provider, "anthropic-messages");
  if (countTokens !== undefined) {
    const native = nativeMessagesBody(envelope.raw, target.offering.providerModelId);
    const headers = forwardedAnthropicHeaders(context.request);
    const options = { ...callOptionsFor(target, context.signal, false), headers };
    return { input_tokens: await countTokens(native, options) };
  }
  return estimateInputTokens(parseOrThrow(AnthropicCountTokensRequestSchema, body));
}

/**
 * `POST /v1/messages/count_tokens`: exact through Anthropic's own endpoint when the model routes there;
 * otherwise an estimate (o200k tokenizer), marked `estimated: true` in the body and by the
 * `x-switchyard-token-count: estimated` header.
 */
export function messagesCountTokensRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/messages/count_tokens",
    authenticated: true,
    acceptsApiKeyHeader: true,
    renderError: renderMessagesError,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const envelope = parseMessagesEnvelope(body, { countTokens: true });
      context.outcome.requestedModel = envelope.gateway?.models?.join(",") ?? envelope.model;
      const success = await services.router.route(
        routeRequestOf(
          routableMessagesRequest(envelope),
          "chat",
          ANY_OFFERING,
          { aliases: services.config.modelAliases, router: services.router },
          undefined,
        ),
        (target) => countAt(context, envelope, body, target),
        context.signal,
      );
      recordTarget(context, success);
      const count = success.value;
      const estimated = "estimated" in count;
      sendJson(context.response, 200, count, {
        ...routingHeaders(success.target.offering),
        ...(estimated ? { [TOKEN_COUNT_HEADER]: "estimated" } : {}),
      });
    },
  };
}
