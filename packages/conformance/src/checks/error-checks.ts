import { GatewayError } from "@switchyard/core";
import { type CheckContext, type ConformanceCheck, userRequest } from "../check";
import { ConformanceFailure, ensure, ensureEqual, thrownBy } from "../check-failure";
import type { ScenarioError } from "../conformance-subject";

interface ErrorCase {
  error: ScenarioError;
  retryable: boolean;
  retryAfterMs?: number;
}

const cases: ErrorCase[] = [
  { error: { status: 400, message: "Invalid request: bad field." }, retryable: false },
  { error: { status: 401, message: "Invalid API key." }, retryable: false },
  { error: { status: 404, message: "Model not found." }, retryable: false },
  {
    error: { status: 429, message: "Rate limited.", retryAfterSeconds: 7 },
    retryable: true,
    retryAfterMs: 7000,
  },
  { error: { status: 500, message: "Internal error." }, retryable: true },
  { error: { status: 503, message: "Overloaded." }, retryable: true },
];

async function upstreamErrorOf(
  context: CheckContext,
  error: ScenarioError,
  stream: boolean,
): Promise<GatewayError> {
  context.fake.behave({ kind: "answer", answer: (request) => context.subject.fake.error(error, request) });
  const thrown = await thrownBy(
    () =>
      stream
        ? context.provider.streamChat(userRequest(context, "Hi", { stream: true }), {
            apiKey: context.apiKey,
          })
        : context.provider.chat(userRequest(context, "Hi"), { apiKey: context.apiKey }),
    `HTTP ${error.status}`,
  );
  if (!(thrown instanceof GatewayError)) {
    throw new ConformanceFailure(`HTTP ${error.status}: expected a GatewayError, got ${String(thrown)}`);
  }
  return thrown;
}

/** Upstream HTTP errors become GatewayErrors with the status, the retry policy, Retry-After, and no key. */
export const errorChecks: ConformanceCheck[] = [
  ...cases.flatMap(({ error, retryable, retryAfterMs }) =>
    [false, true].map(
      (stream): ConformanceCheck => ({
        id: `errors.${error.status}.${stream ? "stream" : "whole"}`,
        title: `HTTP ${error.status} on a ${stream ? "streamed" : "whole"} call: ${retryable ? "retryable" : "not retryable"}`,
        async run(context) {
          const thrown = await upstreamErrorOf(context, error, stream);
          ensureEqual(thrown.status, error.status, "status");
          ensureEqual(thrown.retryable, retryable, "retryable");
          if (retryAfterMs !== undefined) ensureEqual(thrown.retryAfterMs, retryAfterMs, "retryAfterMs");
        },
      }),
    ),
  ),
  {
    id: "errors.redaction",
    title: "an upstream error that echoes the API key never carries it",
    async run(context) {
      const message = `Invalid API key ${context.apiKey} provided.`;
      const thrown = await upstreamErrorOf(context, { status: 401, message }, false);
      const visible = JSON.stringify({ message: thrown.message, body: thrown.toJSON() });
      ensure(!visible.includes(context.apiKey), "the error does not contain the API key");
      ensure(!visible.includes(context.apiKey.slice(8)), "the error does not contain part of the API key");
    },
  },
];
