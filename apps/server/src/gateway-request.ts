import type { ChatCompletionRequest, GatewayOptions, ProviderCallOptions } from "@switchyard/core";
import type { AttemptTarget, RequestRequirements, RouteRequest, Router } from "@switchyard/router";

/** The routing fields of a validated request (Chat or Responses). */
interface RoutableRequest {
  model?: string | undefined;
  gateway?: GatewayOptions | undefined;
}

/** The operator's model aliases and the catalog they are resolved against. */
export interface ModelNames {
  aliases: Readonly<Record<string, string>>;
  router: Pick<Router, "resolve">;
}

/**
 * Maps a client model name through the operator's `modelAliases`. An alias set on a canonical id also
 * applies to the catalog's other names for that model (aliases, dated versions, ids its price rule matches):
 * Claude Code, for one, asks for dated names such as `claude-haiku-4-5-20251001`. A `provider/model` pin is
 * not mapped.
 */
export function mapModelName(model: string, names: ModelNames): string {
  const { aliases, router } = names;
  if (Object.hasOwn(aliases, model)) return aliases[model]!;
  let canonical: string | undefined;
  try {
    const resolved = router.resolve(model);
    const known = [
      resolved.id,
      ...resolved.aliases,
      ...resolved.offerings
        .filter((offering) => offering.source === undefined)
        .map((offering) => offering.providerModelId),
    ].map((name) => name.toLowerCase());
    if (known.includes(model.toLowerCase())) canonical = resolved.id;
  } catch {
    // Unknown here: the router reports it when it routes.
  }
  return canonical !== undefined && Object.hasOwn(aliases, canonical) ? aliases[canonical]! : model;
}

/** The model the client asked for, for the log line: `model`, or the `gateway.models` list. */
export function requestedModelOf(request: RoutableRequest): string | undefined {
  return request.model ?? request.gateway?.models?.join(",");
}

/** Builds the router's question: which models (after alias mapping), which endpoint, what the request needs. */
export function routeRequestOf(
  request: RoutableRequest,
  endpoint: RouteRequest["endpoint"],
  requirements: RequestRequirements,
  names: ModelNames,
  affinityKey: string | undefined,
): RouteRequest {
  const routeRequest: RouteRequest = { endpoint, requirements };
  if (request.model !== undefined) routeRequest.model = mapModelName(request.model, names);
  const models = request.gateway?.models;
  if (models !== undefined) routeRequest.models = models.map((model) => mapModelName(model, names));
  if (request.gateway?.routing !== undefined) routeRequest.routing = request.gateway.routing;
  if (affinityKey !== undefined) routeRequest.affinityKey = affinityKey;
  return routeRequest;
}

/** The request without the `gateway` extension, which never goes upstream. */
export function withoutGateway<Request extends { gateway?: unknown }>(request: Request): Request {
  const { gateway: _gateway, ...rest } = request;
  // `Omit` would erase the known fields of these index-signature (loose) types, so the type is kept.
  return rest as Request;
}

/** The Chat request for one attempt: the offering's provider model id in `model`. */
export function chatRequestFor(request: ChatCompletionRequest, target: AttemptTarget): ChatCompletionRequest {
  return { ...request, model: target.offering.providerModelId };
}

/**
 * The provider call options of one attempt. The router aborts `target.signal` on the client's abort and at
 * the end of the time budget, but only while the attempt runs: a whole answer is read inside it, so that
 * signal is enough, and only a stream, which outlives its attempt, needs the client's own signal joined
 * to it (`AbortSignal.any` costs a composite signal and its listeners, so it is not paid for whole answers).
 */
export function callOptionsFor(
  target: AttemptTarget,
  clientSignal: AbortSignal,
  stream: boolean,
): ProviderCallOptions {
  return {
    apiKey: target.apiKey,
    signal: stream ? AbortSignal.any([target.signal, clientSignal]) : target.signal,
    model: target.modelInfo,
  };
}
