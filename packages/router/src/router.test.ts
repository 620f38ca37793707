import { describe, expect, it } from "vitest";
import { costRoute, failure, type Step, scripted, setup, summary } from "./router-test-kit";
import type { AttemptTarget, RouteRequest } from "./router-types";
import { requirements, upstreamError } from "./test-helpers";

describe("cache affinity", () => {
  // `twin` has two identical offerings; the random alternates, so without affinity the first tried alternates.
  const alternating = () => {
    let draw = 0;
    return () => [0.1, 0.9, 0.9, 0.1][draw++ % 4]!;
  };
  const twinRoute = (affinityKey?: string, routing: RouteRequest["routing"] = {}): RouteRequest => ({
    model: "twin",
    endpoint: "chat",
    requirements: requirements(),
    routing,
    ...(affinityKey !== undefined && { affinityKey }),
  });

  it("alternates without an affinity key (control)", async () => {
    const { clock, router } = setup({ random: alternating() });
    const { attempt } = scripted(clock, {});
    const served = [];
    for (let index = 0; index < 4; index++)
      served.push((await router.route(twinRoute(), attempt)).target.offering.provider);
    expect(new Set(served).size).toBe(2);
  });

  it("keeps an affinity across 10 requests and drops it when that offering fails", async () => {
    const { clock, router } = setup({ random: alternating() });
    const script: Record<string, Step[]> = {};
    const { attempt } = scripted(clock, script);
    const served: string[] = [];
    for (let index = 0; index < 10; index++) {
      // No timing is reported, so both offerings keep equal scores and only the affinity separates them.
      const success = await router.route(twinRoute("conversation-1"), attempt);
      served.push(success.target.offering.provider);
      clock.advance(1_000);
    }
    expect(new Set(served)).toEqual(new Set([served[0]]));
    const stuck = served[0]!;
    const other = stuck === "alpha" ? "beta" : "alpha";

    script[stuck] = [upstreamError(503, stuck)];
    const failedOver = await router.route(twinRoute("conversation-1"), attempt);
    expect(summary(failedOver.attempts)).toEqual([`${stuck}:failed:503`, `${other}:success`]);
    for (let index = 0; index < 3; index++) {
      const next = await router.route(twinRoute("conversation-1"), attempt);
      expect(summary(next.attempts)).toEqual([`${other}:success`]);
    }
  });

  it("never overrides a hard limit", async () => {
    const { clock, router } = setup({ random: () => 0 });
    const { attempt } = scripted(clock, {});
    const first = await router.route(twinRoute("conversation-2"), attempt);
    const stuck = first.target.offering.provider;
    const limited = await router.route(twinRoute("conversation-2", { exclude_providers: [stuck] }), attempt);
    expect(limited.target.offering.provider).not.toBe(stuck);
  });
});

describe("routing metadata", () => {
  it("reports provider, strategy, timing, cost, warnings and attempts", async () => {
    const { clock, router } = setup();
    const { attempt } = scripted(clock, { alpha: [{ advanceMs: 200, result: upstreamError(529, "alpha") }] });
    const success = await router.route(costRoute(), attempt);
    const translationWarning = {
      type: "unsupported_parameter",
      code: "seed",
      message: "Parameter 'seed' is not supported.",
    };
    const metadata = router.complete(success, {
      usage: { prompt_tokens: 1_000, completion_tokens: 500, total_tokens: 1_500 },
      ttftMs: 300,
      durationMs: 1_300,
      warnings: [translationWarning],
    });
    expect(metadata).toEqual({
      provider: "beta",
      provider_model_id: "chat-model@beta",
      model_canonical: "chat-model",
      routing_strategy: "cost",
      ttft_ms: 300,
      // 500 tokens over the 1,000 ms between first byte and end
      throughput_tps: 500,
      // beta: 1,000 x $2 + 500 x $2 per million = $0.003
      cost: {
        usd: 0.003,
        cache_savings_usd: 0,
        cache_savings_percent: 0,
        breakdown: { input: 0.002, cached_input: 0, cache_write: 0, output: 0.001, fees: 0 },
      },
      warnings: [success.warnings[0], translationWarning],
      attempts: [
        {
          provider: "alpha",
          provider_model_id: "chat-model@alpha",
          model_canonical: "chat-model",
          outcome: "failed",
          status: 529,
          error_code: "overloaded_error",
          duration_ms: 200,
        },
        {
          provider: "beta",
          provider_model_id: "chat-model@beta",
          model_canonical: "chat-model",
          outcome: "success",
          duration_ms: 0,
        },
      ],
    });
  });

  it("hands the attempt a key, the provider, model info and a signal", async () => {
    const { router } = setup();
    let seen: AttemptTarget | undefined;
    await router.route(costRoute(), async (target) => {
      seen = target;
      return "ok";
    });
    expect(seen?.provider.name).toBe("alpha");
    expect(seen?.apiKey).toBe("sk-alpha");
    expect(seen?.modelInfo).toEqual({
      canonicalId: "chat-model",
      maxOutputTokens: 8_000,
      contextWindow: 100_000,
      reasoning: false,
      responsesOnly: false,
      logprobs: true,
    });
    expect(seen?.signal.aborted).toBe(false);
  });
});

describe("route errors", () => {
  it("answers 404 with suggestions for an unknown model, before any attempt", async () => {
    const { clock, router } = setup();
    const { attempt, calls } = scripted(clock, {});
    const error = await failure(router.route(costRoute({ model: "chat-modle" }), attempt));
    expect(error.status).toBe(404);
    expect(error.message).toContain("'chat-model'");
    expect(calls).toHaveLength(0);
  });

  it("does not fail over once the client has gone", async () => {
    const { clock, router } = setup();
    const controller = new AbortController();
    const { attempt, calls } = scripted(clock, {});
    const aborting = async (target: AttemptTarget) => {
      controller.abort();
      await attempt(target);
      throw upstreamError(503, target.offering.provider);
    };
    const error = await failure(router.route(costRoute(), aborting, controller.signal));
    expect(error.status).toBe(499);
    expect(calls).toHaveLength(1);
  });

  it("gives back a half-open probe when the client goes away during it", async () => {
    const { clock, router } = setup({ breaker: { failureThreshold: 1, cooldownMs: 1_000 } });
    const ordered: RouteRequest = {
      models: ["solo-a", "solo-b"],
      endpoint: "chat",
      requirements: requirements(),
    };
    const { attempt } = scripted(clock, { alpha: [upstreamError(503, "alpha")] });
    await router.route(ordered, attempt);
    clock.advance(1_000);
    const controller = new AbortController();
    const abortDuringProbe = async () => {
      controller.abort();
      throw upstreamError(503, "alpha");
    };
    expect((await failure(router.route(ordered, abortDuringProbe, controller.signal))).status).toBe(499);
    const next = await router.route(ordered, attempt);
    expect(summary(next.attempts)).toEqual(["alpha:success"]);
  });

  it("routes across gateway.models in order", async () => {
    const { clock, router } = setup();
    const { attempt } = scripted(clock, {});
    const success = await router.route(
      { models: ["twin", "chat-model"], endpoint: "chat", requirements: requirements() },
      attempt,
    );
    expect(success.target.offering.canonicalId).toBe("twin");
  });
});
