import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChatUsage, GatewayError, GatewayMetadata, Warning } from "@switchyard/core";
import type { ClientIdentity } from "./auth";

/** What a route learned while serving a request; read by the request log line and the metrics. */
export interface RequestOutcome {
  /** The model the client asked for (`model`, or `gateway.models` joined by commas). */
  requestedModel?: string;
  /** Canonical id of the model that served the request. */
  model?: string;
  provider?: string;
  providerModelId?: string;
  stream?: boolean;
  ttftMs?: number;
  usage?: ChatUsage | null;
  costUsd?: number;
  /** Number of provider attempts, failed ones included. */
  attempts?: number;
  warnings?: Warning[];
  /** `gateway.metadata` of the request, recorded here and never sent upstream. */
  metadata?: GatewayMetadata;
  /** The error sent to the client, if any. */
  error?: GatewayError;
  /** Set when the client went away before the answer was complete. */
  clientAborted?: boolean;
  /** Only kept when the operator turned content logging on. */
  prompt?: unknown;
  completion?: unknown;
}

/**
 * One client exchange as the answer pipeline sees it: an HTTP request, or one `response.create` on a
 * WebSocket. Routing, completion and logging read only this.
 */
export interface ExchangeContext {
  /** The `x-request-id` sent back on the response (a WebSocket exchange has its own). */
  readonly id: string;
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** Path parameters of the matched route, such as `{ id: "anthropic/claude-sonnet-4-6" }`. */
  params: Record<string, string>;
  /** Clock time the request arrived. */
  readonly startedAt: number;
  /** Aborted when the client disconnects before the response is complete. */
  readonly signal: AbortSignal;
  identity?: ClientIdentity;
  /** The matched route's path pattern, a bounded metrics label. */
  route: string;
  readonly outcome: RequestOutcome;
}

/** Everything a route handler gets for one request. */
export interface RequestContext extends ExchangeContext {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
}

/**
 * What serving one answer needs of its exchange: the abort signal and the outcome it records. A background
 * response runs on one of its own, detached from the client's connection.
 */
export type RunContext = Pick<ExchangeContext, "signal" | "outcome">;
