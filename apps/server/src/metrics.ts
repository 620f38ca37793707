import type { ChatUsage } from "@switchyard/core";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** What one finished request contributes to the metrics. */
export interface RequestObservation {
  /** The route, such as `/v1/chat/completions`. */
  route: string;
  status: number;
  /** Empty when no provider was chosen (validation errors, unknown models). */
  provider: string;
  /** Canonical model id; empty when the request never resolved to a catalog model. */
  model: string;
  /** Error code when the request failed. */
  errorCode?: string;
  durationMs: number;
  ttftMs?: number;
  usage?: ChatUsage | null;
  costUsd?: number;
}

/** The server's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface ServerMetrics {
  readonly registry: Registry;
  /** Records one finished request. */
  observe(observation: RequestObservation): void;
  /** The exposition text for `GET /metrics`. */
  render(): Promise<string>;
  readonly contentType: string;
}

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
const TTFT_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32];

/** Options of `createServerMetrics`. */
export interface ServerMetricsOptions {
  /**
   * Also export prom-client's process and runtime metrics (`process_resident_memory_bytes`,
   * `nodejs_heap_size_used_bytes`, `nodejs_eventloop_lag_seconds`, GC durations ...). Default true.
   */
  processMetrics?: boolean;
}

/**
 * Creates the metrics of one server instance. Labels are bounded: `model` is a catalog id (or empty) and
 * `provider` a configured provider name, never free text from the client.
 */
export function createServerMetrics(options: ServerMetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "switchyard_requests_total",
    help: "Requests served, by route, status, provider and canonical model.",
    labelNames: ["route", "status", "provider", "model"] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: "switchyard_errors_total",
    help: "Requests that ended in an error, by route, error code, provider and canonical model.",
    labelNames: ["route", "code", "provider", "model"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "switchyard_request_duration_seconds",
    help: "Time from request arrival to the end of the answer.",
    labelNames: ["route", "provider", "model"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const ttft = new Histogram({
    name: "switchyard_time_to_first_token_seconds",
    help: "Time from request arrival to the first byte of the upstream answer.",
    labelNames: ["provider", "model"] as const,
    buckets: TTFT_BUCKETS,
    registers: [registry],
  });
  const tokens = new Counter({
    name: "switchyard_tokens_total",
    help: "Tokens reported by upstreams, by kind (input, output, cached_input, reasoning).",
    labelNames: ["provider", "model", "kind"] as const,
    registers: [registry],
  });
  const cost = new Counter({
    name: "switchyard_cost_usd_total",
    help: "Cost of served requests in USD at catalog prices.",
    labelNames: ["provider", "model"] as const,
    registers: [registry],
  });

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observe(observation) {
      const { route, provider, model } = observation;
      requests.inc({ route, status: String(observation.status), provider, model });
      if (observation.errorCode !== undefined || observation.status >= 400)
        errors.inc({ route, code: observation.errorCode ?? String(observation.status), provider, model });
      latency.observe({ route, provider, model }, observation.durationMs / 1000);
      if (observation.ttftMs !== undefined) ttft.observe({ provider, model }, observation.ttftMs / 1000);
      const usage = observation.usage;
      if (usage) {
        tokens.inc({ provider, model, kind: "input" }, usage.prompt_tokens);
        tokens.inc({ provider, model, kind: "output" }, usage.completion_tokens);
        const cached = usage.prompt_tokens_details?.cached_tokens;
        if (cached) tokens.inc({ provider, model, kind: "cached_input" }, cached);
        const reasoning = usage.completion_tokens_details?.reasoning_tokens;
        if (reasoning) tokens.inc({ provider, model, kind: "reasoning" }, reasoning);
      }
      if (observation.costUsd !== undefined && observation.costUsd > 0)
        cost.inc({ provider, model }, observation.costUsd);
    },
  };
}
