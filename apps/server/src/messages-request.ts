import type { IncomingMessage } from "node:http";
import {
  AnthropicMessagesEnvelopeShape,
  type AnthropicMessagesRequest,
  AnthropicMessagesRequestSchema,
} from "@switchyard/anthropic-api";
import { messagesRequestToChat } from "@switchyard/chat-messages";
import {
  type ChatCompletionRequest,
  type GatewayError,
  type GatewayOptions,
  GatewayOptionsSchema,
  ProviderExtensionsSchema,
  parseOrThrow,
  type Translation,
  toGatewayError,
  type Warning,
} from "@switchyard/core";
import type { Offering, RequestRequirements, RouteRequest } from "@switchyard/router";
import { affinityKeyOf, requirementsOfChatRequest } from "@switchyard/router";
import { z } from "zod";
import { type ModelNames, routeRequestOf } from "./gateway-request";

/**
 * What every `/v1/messages` body must hold, whichever upstream serves it. The rest is checked by the full
 * Messages schema only when the request is translated, so a native Anthropic upstream also gets fields and
 * block types this gateway does not know yet.
 */
const envelopeShape = {
  ...AnthropicMessagesEnvelopeShape,
  messages: z.array(z.unknown()),
  gateway: GatewayOptionsSchema.optional(),
  extensions: ProviderExtensionsSchema.optional(),
};
const MessagesEnvelopeSchema = z.looseObject(envelopeShape);
const CountTokensEnvelopeSchema = z.looseObject({
  ...envelopeShape,
  max_tokens: AnthropicMessagesEnvelopeShape.max_tokens.optional(),
});

/** The validated envelope of a Messages body, and the body itself as the client sent it. */
export interface MessagesEnvelope {
  /** The parsed JSON body, untouched: what a native upstream gets (less `gateway` and `extensions`). */
  raw: Record<string, unknown>;
  model: string;
  stream: boolean;
  gateway: GatewayOptions | undefined;
}

/** Validates the fields every Messages body needs; `max_tokens` is required except on `count_tokens`. */
export function parseMessagesEnvelope(
  body: unknown,
  options: { countTokens?: boolean } = {},
): MessagesEnvelope {
  const schema = options.countTokens === true ? CountTokensEnvelopeSchema : MessagesEnvelopeSchema;
  const envelope = parseOrThrow(schema, body);
  return {
    raw: body as Record<string, unknown>,
    model: envelope.model,
    stream: envelope.stream === true,
    gateway: envelope.gateway,
  };
}

/** The Chat translation of a Messages request, or why it has none (a field only Anthropic serves). */
export type MessagesChatTranslation =
  | { ok: true; request: AnthropicMessagesRequest; translation: Translation<ChatCompletionRequest> }
  | { ok: false; error: GatewayError };

/** Validates the whole body as a Messages request and translates it to Chat, keeping the error if it fails. */
export function translateMessagesToChat(body: unknown): MessagesChatTranslation {
  try {
    const request = parseOrThrow(AnthropicMessagesRequestSchema, body);
    return { ok: true, request, translation: messagesRequestToChat(request) };
  } catch (error) {
    return { ok: false, error: toGatewayError(error) };
  }
}

/**
 * The body a native Anthropic upstream gets: the client's own, with `model` set to the provider's model id
 * and Switchyard's `gateway` and `extensions` removed. Key order and every other field stay as sent.
 */
export function nativeMessagesBody(
  raw: Record<string, unknown>,
  providerModelId: string,
): Record<string, unknown> {
  const { gateway: _gateway, extensions: _extensions, ...rest } = raw;
  return { ...rest, model: providerModelId };
}

/** The Anthropic protocol headers of the client that a native upstream should see (`anthropic-beta`). */
export function forwardedAnthropicHeaders(request: IncomingMessage): Record<string, string> {
  const beta = request.headers["anthropic-beta"];
  const value = Array.isArray(beta) ? beta.join(",") : beta;
  return value === undefined || value === "" ? {} : { "anthropic-beta": value };
}

/**
 * The routing requirements of a Messages request: those of its Chat translation without the output limit
 * (translated attempts clamp `max_tokens` to the offering's limit instead, since clients such as Claude Code
 * size it for a Claude model), or a size estimate when only a native upstream can serve the request.
 */
function requirementsOf(envelope: MessagesEnvelope, chat: MessagesChatTranslation): RequestRequirements {
  if (chat.ok) {
    const { maxOutputTokens: _maxOutputTokens, ...requirements } = requirementsOfChatRequest(
      chat.translation.value,
    );
    return requirements;
  }
  const estimate: ChatCompletionRequest = {
    messages: [{ role: "user", content: JSON.stringify(envelope.raw["messages"] ?? "") }],
    stream: envelope.stream,
  };
  const { maxOutputTokens: _maxOutputTokens, ...requirements } = requirementsOfChatRequest(estimate);
  const tools = envelope.raw["tools"];
  return { ...requirements, tools: Array.isArray(tools) && tools.length > 0 };
}

/**
 * The routing fields of a Messages request. `gateway.models`, when given, is the candidate list and takes
 * the place of `model` (which Anthropic's format always requires).
 */
export function routableMessagesRequest(envelope: MessagesEnvelope): {
  model?: string;
  gateway?: GatewayOptions | undefined;
} {
  if (envelope.gateway?.models === undefined) return { model: envelope.model, gateway: envelope.gateway };
  return { gateway: envelope.gateway };
}

/** The router's question for a Messages request. */
export function messagesRouteRequest(
  envelope: MessagesEnvelope,
  chat: MessagesChatTranslation,
  names: ModelNames,
): RouteRequest {
  return routeRequestOf(
    routableMessagesRequest(envelope),
    "chat",
    requirementsOf(envelope, chat),
    names,
    chat.ok ? affinityKeyOf(chat.translation.value) : undefined,
  );
}

/**
 * The Chat request of one translated attempt: the provider's model id, `gateway` removed, and `max_tokens`
 * clamped to the offering's output limit, with a warning when it was lowered.
 */
export function chatRequestForOffering(
  request: ChatCompletionRequest,
  offering: Offering,
): Translation<ChatCompletionRequest> {
  const { gateway: _gateway, ...rest } = request;
  const upstream: ChatCompletionRequest = { ...rest, model: offering.providerModelId };
  const warnings: Warning[] = [];
  const asked = request.max_tokens;
  if (asked != null && asked > offering.maxOutputTokens) {
    upstream.max_tokens = offering.maxOutputTokens;
    warnings.push({
      type: "adjusted_parameter",
      code: "max_tokens",
      message: `max_tokens ${asked} is above the ${offering.maxOutputTokens}-token output limit of ${offering.provider}/${offering.canonicalId}; it was lowered to that limit.`,
    });
  }
  return { value: upstream, warnings };
}
