import type { HttpTransport, Provider, TransportRequest } from "@switchyard/core";

/** One tool call the fake upstream makes the model produce. */
export interface ScenarioToolCall {
  /** The provider's own call id, where its protocol has one. */
  id: string;
  name: string;
  /** The arguments as a JSON text. */
  arguments: string;
}

/** What the fake upstream answers, in neutral terms; each fake renders it in its provider's wire format. */
export interface Scenario {
  text?: string;
  toolCalls?: ScenarioToolCall[];
  /** Reasoning text and the opaque state the provider must carry back unchanged on the next turn. */
  reasoning?: { text: string; opaque: string };
  usage: { inputTokens: number; outputTokens: number };
  finish: "stop" | "tool_calls" | "length";
}

/** An HTTP answer of the fake upstream. */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** An upstream error the fake renders in its provider's error shape. */
export interface ScenarioError {
  status: number;
  message: string;
  /** Sent as `retry-after` in seconds when set. */
  retryAfterSeconds?: number;
}

/** A fake of a provider's upstream: renders scenarios as the provider's real wire bytes, written by hand. */
export interface UpstreamFake {
  /** The whole (non-streamed) answer to `request`. */
  whole(scenario: Scenario, request: TransportRequest): FakeAnswer;
  /** The streamed answer (the complete SSE body) to `request`. */
  stream(scenario: Scenario, request: TransportRequest): FakeAnswer;
  /** An error answer. */
  error(error: ScenarioError, request: TransportRequest): FakeAnswer;
}

/** A feature a provider may declare it does not support, with the reason. */
export type OptionalFeature = "tools" | "parallel_tool_calls" | "streaming_usage" | "reasoning_round_trip";

/** The provider under test, its fake upstream and what it declares it does not support. */
export interface ConformanceSubject {
  /** The name the report uses. */
  name: string;
  /** Builds the provider on the given transport (the kit's fake transport). */
  createProvider(transport: HttpTransport): Provider;
  fake: UpstreamFake;
  /** The model id the calls use (the provider's model id). */
  model: string;
  /** A model id on which the provider reasons, for the reasoning round trip; `model` when absent. */
  reasoningModel?: string;
  /** Features the provider does not support, each with the reason; their checks are reported, not run. */
  unsupported?: Partial<Record<OptionalFeature, string>>;
}
