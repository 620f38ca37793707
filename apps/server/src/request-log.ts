import type { Logger } from "pino";
import type { ExchangeContext } from "./request-context";

/** Options of the request log. */
export interface RequestLogOptions {
  /** Log prompts and completions. Off unless the operator turns it on. */
  logContent: boolean;
}

/** The fields of one request log line. */
export interface RequestLogLine {
  request_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  client?: string;
  model?: string;
  requested_model?: string;
  provider?: string;
  provider_model_id?: string;
  stream?: boolean;
  ttft_ms?: number;
  attempts?: number;
  tokens?: { input: number; output: number; cached_input?: number; reasoning?: number };
  cost_usd?: number;
  warnings?: number;
  metadata?: unknown;
  error?: { type: string; code: string | null; message: string };
  client_aborted?: boolean;
  prompt?: unknown;
  completion?: unknown;
}

/** Builds the log line of a finished request. Never includes keys; content only when `logContent`. */
export function requestLogLine(
  context: ExchangeContext,
  status: number,
  durationMs: number,
  options: RequestLogOptions,
): RequestLogLine {
  const outcome = context.outcome;
  const line: RequestLogLine = {
    request_id: context.id,
    method: context.method,
    path: context.path,
    status,
    duration_ms: Math.round(durationMs),
  };
  if (context.identity?.authenticated) line.client = context.identity.id;
  if (outcome.model !== undefined) line.model = outcome.model;
  if (outcome.requestedModel !== undefined) line.requested_model = outcome.requestedModel;
  if (outcome.provider !== undefined) line.provider = outcome.provider;
  if (outcome.providerModelId !== undefined) line.provider_model_id = outcome.providerModelId;
  if (outcome.stream !== undefined) line.stream = outcome.stream;
  if (outcome.ttftMs !== undefined) line.ttft_ms = Math.round(outcome.ttftMs);
  if (outcome.attempts !== undefined) line.attempts = outcome.attempts;
  const usage = outcome.usage;
  if (usage) {
    line.tokens = { input: usage.prompt_tokens, output: usage.completion_tokens };
    const cached = usage.prompt_tokens_details?.cached_tokens;
    if (cached) line.tokens.cached_input = cached;
    const reasoning = usage.completion_tokens_details?.reasoning_tokens;
    if (reasoning) line.tokens.reasoning = reasoning;
  }
  if (outcome.costUsd !== undefined) line.cost_usd = outcome.costUsd;
  if (outcome.warnings !== undefined && outcome.warnings.length > 0) line.warnings = outcome.warnings.length;
  if (outcome.metadata !== undefined) line.metadata = outcome.metadata;
  if (outcome.error !== undefined)
    line.error = { type: outcome.error.type, code: outcome.error.code, message: outcome.error.message };
  if (outcome.clientAborted) line.client_aborted = true;
  if (options.logContent) {
    if (outcome.prompt !== undefined) line.prompt = outcome.prompt;
    if (outcome.completion !== undefined) line.completion = outcome.completion;
  }
  return line;
}

/** The level of a request's line: `info` for success, `warn` for 4xx, `error` for 5xx. */
export function requestLogLevel(status: number): "info" | "warn" | "error" {
  if (status >= 500) return "error";
  if (status >= 400) return "warn";
  return "info";
}

/** Writes one line per request at `requestLogLevel(line.status)`. */
export function logRequest(logger: Logger, line: RequestLogLine): void {
  logger[requestLogLevel(line.status)](line, "request");
}
