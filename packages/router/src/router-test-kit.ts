import { GatewayError, type RoutingAttempt } from "@switchyard/core";
import { type CreateRouterOptions, createRouter } from "./router";
import type { AttemptTarget, RouteRequest } from "./router-types";
import { fakeClock, fakeProvider, model, offering, requirements } from "./test-helpers";

/** Test catalog: `chat-model` at three providers, cheapest first (`optimize: cost` tries alpha, beta, gamma). */
export const catalog = [
  model("chat-model", [
    offering("alpha", "chat-model", { prices: { input: 1, output: 1 } }),
    offering("beta", "chat-model", { prices: { input: 2, output: 2 } }),
    offering("gamma", "chat-model", { prices: { input: 3, output: 3 } }),
  ]),
  model("twin", [offering("alpha", "twin"), offering("beta", "twin")]),
  // Two single-offering models: `models: ["solo-a", "solo-b"]` always tries alpha first, whatever its health.
  model("solo-a", [offering("alpha", "solo-a")]),
  model("solo-b", [offering("beta", "solo-b")]),
];

/** One scripted answer: success, an error, or either after the fake clock moved. */
export type Step = "ok" | GatewayError | { advanceMs: number; result: "ok" | GatewayError };

/** An attempt function that plays a script per provider and records every call. */
export function scripted(clock: ReturnType<typeof fakeClock>, script: Record<string, Step[]>) {
  const calls: { provider: string; apiKey: string }[] = [];
  const attempt = async (target: AttemptTarget): Promise<string> => {
    const provider = target.offering.provider;
    calls.push({ provider, apiKey: target.apiKey });
    let step = script[provider]?.shift() ?? "ok";
    if (typeof step === "object" && "advanceMs" in step) {
      clock.advance(step.advanceMs);
      step = step.result;
    }
    if (step instanceof GatewayError) throw step;
    return `answer from ${provider}`;
  };
  return { attempt, calls };
}

/** A router over the test catalog with providers alpha, beta and gamma, a fake clock and random 0. */
export function setup(options: Partial<CreateRouterOptions> = {}, keys: Record<string, string[]> = {}) {
  const clock = fakeClock();
  const router = createRouter({
    models: catalog,
    providers: ["alpha", "beta", "gamma"].map((name) => ({
      provider: fakeProvider(name),
      apiKeys: keys[name] ?? [`sk-${name}`],
    })),
    clock: clock.now,
    random: () => 0,
    ...options,
  });
  return { clock, router };
}

/** A route request for `chat-model` optimized for cost. */
export const costRoute = (fields: Partial<RouteRequest> = {}): RouteRequest => ({
  model: "chat-model",
  endpoint: "chat",
  requirements: requirements(),
  routing: { optimize: "cost" },
  ...fields,
});

/** Attempts as `provider:outcome[:status]` strings. */
export const summary = (attempts: RoutingAttempt[]) =>
  attempts.map((entry) => `${entry.provider}:${entry.outcome}${entry.status ? `:${entry.status}` : ""}`);

/** The error a routing promise rejects with (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error("expected the routing to fail");
}
