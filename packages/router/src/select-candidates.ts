import {
  invalidRequest,
  modelNotFound,
  type ProviderCapabilities,
  type RoutingObjective,
} from "@switchyard/core";
import type { HealthEstimate } from "./health-tracker";
import type { CanonicalModel, Offering, RouteRequest } from "./router-types";

/** An offering that may serve the request, in the order it will be tried. */
export interface Candidate {
  offering: Offering;
  /** Health and breaker key of the offering: `provider:providerModelId`. */
  key: string;
  /** Position of its model in the request's candidate list. */
  modelIndex: number;
}

/** An offering filtered out, and why (shown in the error when nothing is left). */
export interface Exclusion {
  offering: Offering;
  reason: string;
}

/** The outcome of selection. */
export interface Selection {
  candidates: Candidate[];
  excluded: Exclusion[];
  /** `routing_metadata.routing_strategy`: the objective. */
  strategy: RoutingObjective;
}

/** What selection reads besides the request. */
export interface SelectionContext {
  /** Names of the providers registered with the router. */
  providers: ReadonlySet<string>;
  /** What a registered provider declares it can do; the router decides by capability, never by name. */
  capabilities: (provider: string) => ProviderCapabilities | undefined;
  health: (key: string) => HealthEstimate;
  random: () => number;
}

/** Output tokens assumed when ranking by cost (or fewer when the request caps its output lower). */
export const EXPECTED_OUTPUT_TOKENS = 500;

/** Weights of the balanced objective: cost, time to first token, tokens per second. */
const BALANCED_WEIGHTS = { cost: 0.4, latency: 0.3, throughput: 0.3 };

/** The health and breaker key of an offering. */
export const offeringKey = (offering: Offering): string => `${offering.provider}:${offering.providerModelId}`;

const label = (offering: Offering): string => `${offering.provider}/${offering.canonicalId}`;

/**
 * Whether an offering can serve the client's endpoint. Every offering can serve `/v1/responses` (Chat
 * offerings through the Responses <-> Chat translation). A Responses-only offering can serve
 * `/v1/chat/completions` only at a provider that declares `chatForResponsesOnlyModels` (OpenAI's
 * translates Chat to Responses itself).
 */
export function servesEndpoint(
  offering: Offering,
  endpoint: RouteRequest["endpoint"],
  capabilities: ProviderCapabilities | undefined,
): boolean {
  if (endpoint === "responses") return true;
  return offering.endpoints.includes("chat") || capabilities?.chatForResponsesOnlyModels === true;
}

/** Why `offering` cannot serve the request, or undefined when it can. */
function exclusionReason(
  offering: Offering,
  request: RouteRequest,
  context: SelectionContext,
): string | undefined {
  const { requirements, routing } = request;
  const capabilities = offering.capabilities;
  if (!context.providers.has(offering.provider)) return `provider '${offering.provider}' is not configured`;
  if (!servesEndpoint(offering, request.endpoint, context.capabilities(offering.provider)))
    return "served only on the Responses API";
  if (requirements.tools && !capabilities.tools) return "no tool calling";
  if (requirements.parallelTools && !capabilities.parallelTools) return "no parallel tool calls";
  if (requirements.vision && !capabilities.vision) return "no image input";
  if (requirements.jsonSchema && !capabilities.jsonSchema) return "no JSON schema output";
  if (requirements.streaming && !capabilities.streaming) return "no streaming";
  if (requirements.maxOutputTokens !== undefined && requirements.maxOutputTokens > offering.maxOutputTokens) {
    return `max output ${offering.maxOutputTokens} tokens < requested ${requirements.maxOutputTokens}`;
  }
  const needed = requirements.estimatedInputTokens + (requirements.maxOutputTokens ?? 0);
  if (needed > offering.contextWindow) {
    return `context window ${offering.contextWindow} tokens < estimated ${needed}`;
  }
  if (routing?.providers && !routing.providers.includes(offering.provider))
    return "provider not in routing.providers";
  if (routing?.exclude_providers?.includes(offering.provider)) return "provider in routing.exclude_providers";
  if (routing?.max_input_price !== undefined && offering.prices.input > routing.max_input_price) {
    return `input price ${offering.prices.input} > max_input_price ${routing.max_input_price}`;
  }
  if (routing?.max_output_price !== undefined && offering.prices.output > routing.max_output_price) {
    return `output price ${offering.prices.output} > max_output_price ${routing.max_output_price}`;
  }
  if (routing?.max_ttft_ms !== undefined) {
    const ttft = context.health(offeringKey(offering)).ttftMs;
    if (ttft > routing.max_ttft_ms)
      return `expected ttft ${Math.round(ttft)} ms > max_ttft_ms ${routing.max_ttft_ms}`;
  }
  return undefined;
}

/**
 * `logprobs` is a parameter, not a feature the answer depends on: the gateway's rule for parameters a
 * model cannot honour is a warning, never a refusal (server README, "Request rules"). So offerings that
 * return logprobs are preferred, the others excluded only while one that does remains; otherwise they
 * serve the request and their provider drops `logprobs` with a warning.
 */
function preferLogprobs(candidates: Candidate[], excluded: Exclusion[], request: RouteRequest): void {
  if (!request.requirements.logprobs) return;
  if (!candidates.some((candidate) => candidate.offering.capabilities.logprobs)) return;
  for (let index = candidates.length - 1; index >= 0; index--) {
    const offering = candidates[index]!.offering;
    if (offering.capabilities.logprobs) continue;
    excluded.push({ offering, reason: "no logprobs, and another candidate has them" });
    candidates.splice(index, 1);
  }
}

/** Estimated USD of the request at the offering's prices. */
function estimatedCost(offering: Offering, request: RouteRequest): number {
  const output = Math.min(
    EXPECTED_OUTPUT_TOKENS,
    request.requirements.maxOutputTokens ?? EXPECTED_OUTPUT_TOKENS,
  );
  return (
    (request.requirements.estimatedInputTokens * offering.prices.input + output * offering.prices.output) /
    1_000_000
  );
}

/** Scores for the objective: lower is better. Each is divided by the success rate, so failures count against. */
function scores(
  candidates: readonly Candidate[],
  request: RouteRequest,
  context: SelectionContext,
  objective: RoutingObjective,
): number[] {
  const measured = candidates.map((candidate) => {
    const health = context.health(candidate.key);
    return {
      cost: estimatedCost(candidate.offering, request),
      ttft: Math.max(1, health.ttftMs),
      speed: Math.max(1e-3, health.tokensPerSecond),
      success: 1 - Math.min(0.9, health.errorRate),
    };
  });
  const cheapest = Math.max(1e-12, Math.min(...measured.map((entry) => entry.cost)));
  const fastestStart = Math.min(...measured.map((entry) => entry.ttft));
  const fastestSpeed = Math.max(...measured.map((entry) => entry.speed));
  return measured.map((entry) => {
    let score: number;
    if (objective === "cost") score = entry.cost;
    else if (objective === "latency") score = entry.ttft;
    else if (objective === "throughput") score = 1 / entry.speed;
    else {
      score =
        BALANCED_WEIGHTS.cost * (Math.max(entry.cost, 1e-12) / cheapest) +
        BALANCED_WEIGHTS.latency * (entry.ttft / fastestStart) +
        BALANCED_WEIGHTS.throughput * (fastestSpeed / entry.speed);
    }
    return score / entry.success;
  });
}

const nearlyEqual = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Filters the offerings of `models` (already resolved, in the request's order) down to those that can serve
 * the request, then orders them. With `routing.optimize` set, all candidates are ranked by that objective and
 * the request's model order only breaks ties. Without it, the model order is kept (the list is an ordered
 * fallback chain) and the offerings of each model are ranked by the balanced objective. Remaining ties are
 * broken by the injected random, so equal offerings share load.
 * Throws 404 `model_not_found` when no offering has a configured provider, and 400 `no_eligible_provider`
 * listing every exclusion when none can serve the request.
 */
export function selectCandidates(
  models: readonly CanonicalModel[],
  request: RouteRequest,
  context: SelectionContext,
): Selection {
  const objective: RoutingObjective = request.routing?.optimize ?? "balanced";
  const candidates: Candidate[] = [];
  const excluded: Exclusion[] = [];
  for (const [modelIndex, model] of models.entries()) {
    for (const offering of model.offerings) {
      const reason = exclusionReason(offering, request, context);
      if (reason === undefined) candidates.push({ offering, key: offeringKey(offering), modelIndex });
      else excluded.push({ offering, reason });
    }
  }
  preferLogprobs(candidates, excluded, request);
  if (candidates.length === 0) {
    const configured = excluded.filter((entry) => context.providers.has(entry.offering.provider));
    if (configured.length === 0)
      throw modelNotFound(request.model ?? models.map((model) => model.id).join(", "));
    const reasons = configured.map((entry) => `${label(entry.offering)}: ${entry.reason}`).join("; ");
    throw invalidRequest(`No provider can serve this request. ${reasons}.`, null, "no_eligible_provider");
  }
  const score = scores(candidates, request, context, objective);
  const tiebreak = candidates.map(() => context.random());
  const explicit = request.routing?.optimize !== undefined;
  const order = candidates.map((_, index) => index);
  order.sort((a, b) => {
    const byModel = candidates[a]!.modelIndex - candidates[b]!.modelIndex;
    const byScore = nearlyEqual(score[a]!, score[b]!) ? 0 : score[a]! - score[b]!;
    const primary = explicit ? byScore || byModel : byModel || byScore;
    return primary || tiebreak[a]! - tiebreak[b]!;
  });
  return { candidates: order.map((index) => candidates[index]!), excluded, strategy: objective };
}
