import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { costRoute, failure, type Step, scripted, setup, summary } from "./router-test-kit";
import type { AttemptTarget, RouteRequest } from "./router-types";
import { requirements, upstreamError } from "./test-helpers";

describe("failover sequences", () => {
  const successes = [
    {
      name: "first candidate 529, second ok",
      script: { alpha: [upstreamError(529, "alpha")] },
      served: "beta",
      attempts: ["alpha:failed:529", "beta:success"],
    },
    {
      name: "connect error (retryable 502) then ok",
      script: {
        alpha: [new GatewayError({ status: 502, message: "connect ECONNREFUSED", retryable: true })],
      },
      served: "beta",
      attempts: ["alpha:failed:502", "beta:success"],
    },
    {
      name: "408 then 503 then ok",
      script: { alpha: [upstreamError(408, "alpha")], beta: [upstreamError(503, "beta")] },
      served: "gamma",
      attempts: ["alpha:failed:408", "beta:failed:503", "gamma:success"],
    },
    {
      name: "an overloaded error with a non-retryable status",
      script: {
        alpha: [
          new GatewayError({
            status: 400,
            type: "overloaded_error",
            message: "overloaded",
            retryable: false,
          }),
        ],
      },
      served: "beta",
      attempts: ["alpha:failed:400", "beta:success"],
    },
  ];
  it.each(successes)("$name", async ({ script, served, attempts }) => {
    const { clock, router } = setup();
    const { attempt } = scripted(clock, script as Record<string, Step[]>);
    const success = await router.route(costRoute(), attempt);
    expect(success.value).toBe(`answer from ${served}`);
    expect(success.target.offering.provider).toBe(served);
    expect(summary(success.attempts)).toEqual(attempts);
    expect(success.warnings).toHaveLength(attempts.length - 1);
    expect(success.warnings.every((warning) => warning.type === "fallback")).toBe(true);
    expect(success.warnings[0]!.code).toBe("alpha");
  });

  const failures = [
    {
      name: "all down, last 503",
      script: {
        alpha: [upstreamError(500, "alpha")],
        beta: [upstreamError(529, "beta")],
        gamma: [upstreamError(503, "gamma")],
      },
      status: 503,
    },
    {
      name: "all down, last 429",
      script: {
        alpha: [upstreamError(502, "alpha")],
        beta: [upstreamError(504, "beta")],
        gamma: [upstreamError(429, "gamma")],
      },
      status: 429,
    },
  ];
  it.each(failures)("$name: throws the last error", async ({ script, status }) => {
    const { clock, router } = setup();
    const { attempt, calls } = scripted(clock, script);
    const error = await failure(router.route(costRoute(), attempt));
    expect(error.status).toBe(status);
    expect(calls.map((call) => call.provider)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("does not fail over a non-retryable 400", async () => {
    const { clock, router } = setup();
    const { attempt, calls } = scripted(clock, { alpha: [upstreamError(400, "alpha")] });
    const error = await failure(router.route(costRoute(), attempt));
    expect(error.status).toBe(400);
    expect(calls.map((call) => call.provider)).toEqual(["alpha"]);
  });

  it("stops at maxAttempts, at the total time budget, and when fallbacks are off", async () => {
    const down = () => ({
      alpha: [upstreamError(503, "alpha")],
      beta: [upstreamError(503, "beta")],
      gamma: [upstreamError(503, "gamma")],
    });
    const byCount = setup({ maxAttempts: 2 });
    const countScript = scripted(byCount.clock, down());
    await failure(byCount.router.route(costRoute(), countScript.attempt));
    expect(countScript.calls).toHaveLength(2);

    const byTime = setup({ maxTotalMs: 1_000 });
    const slow = (provider: string) => [{ advanceMs: 600, result: upstreamError(503, provider) }];
    const timeScript = scripted(byTime.clock, {
      alpha: slow("alpha"),
      beta: slow("beta"),
      gamma: slow("gamma"),
    });
    await failure(byTime.router.route(costRoute(), timeScript.attempt));
    // 600 ms spent after alpha, 1,200 ms after beta: no time left for gamma
    expect(timeScript.calls.map((call) => call.provider)).toEqual(["alpha", "beta"]);

    const noFallbacks = setup();
    const single = scripted(noFallbacks.clock, down());
    await failure(
      noFallbacks.router.route(
        costRoute({ routing: { optimize: "cost", allow_fallbacks: false } }),
        single.attempt,
      ),
    );
    expect(single.calls).toHaveLength(1);
  });
});

/** A stream whose first chunk (or a later one) fails, read the way the server reads it. */
function streamAttempt(failBeforeFirstChunk: Set<string>, failAfterFirstChunk: Set<string>) {
  const calls: string[] = [];
  const attempt = async (target: AttemptTarget) => {
    const provider = target.offering.provider;
    calls.push(provider);
    async function* chunks() {
      if (failBeforeFirstChunk.has(provider)) throw upstreamError(502, provider, { message: "stream reset" });
      yield `first chunk from ${provider}`;
      if (failAfterFirstChunk.has(provider)) throw upstreamError(502, provider, { message: "stream reset" });
      yield "last chunk";
    }
    const iterator = chunks();
    // The attempt resolves only once the first chunk is in: nothing has reached the client before that.
    const first = await iterator.next();
    return { first: first.value as string, rest: iterator };
  };
  return { attempt, calls };
}

describe("streams", () => {
  it("fails over a stream that fails before its first byte", async () => {
    const { router } = setup();
    const { attempt, calls } = streamAttempt(new Set(["alpha"]), new Set());
    const success = await router.route(
      costRoute({ requirements: requirements({ streaming: true }) }),
      attempt,
    );
    expect(success.value.first).toBe("first chunk from beta");
    expect(calls).toEqual(["alpha", "beta"]);
  });

  it("does not fail over a stream that fails after its first byte; the report records the failure", async () => {
    const { router } = setup({ breaker: { failureThreshold: 1 } });
    const { attempt, calls } = streamAttempt(new Set(), new Set(["alpha"]));
    const success = await router.route(costRoute({ affinityKey: "conversation-1" }), attempt);
    expect(success.value.first).toBe("first chunk from alpha");
    await expect(success.value.rest.next()).rejects.toThrow("stream reset");
    const metadata = router.complete(success, { durationMs: 50, ttftMs: 10, failed: true });
    expect(metadata.provider).toBe("alpha");
    expect(calls).toEqual(["alpha"]);
    // The failure counted against alpha: with a threshold of 1 its breaker is open for the next request.
    const next = await router.route(
      costRoute({ affinityKey: "conversation-1" }),
      streamAttempt(new Set(), new Set()).attempt,
    );
    expect(summary(next.attempts)).toEqual(["alpha:skipped", "beta:success"]);
  });
});

describe("circuit breaker in the router", () => {
  it("opens after repeated failures and recovers after the cooldown under a fake clock", async () => {
    const { clock, router } = setup({ breaker: { failureThreshold: 3, cooldownMs: 30_000 } });
    const script: Record<string, Step[]> = {
      alpha: [upstreamError(503, "alpha"), upstreamError(503, "alpha"), upstreamError(503, "alpha")],
    };
    const { attempt } = scripted(clock, script);
    const ordered: RouteRequest = {
      models: ["solo-a", "solo-b"],
      endpoint: "chat",
      requirements: requirements(),
    };
    for (let round = 0; round < 3; round++) {
      const success = await router.route(ordered, attempt);
      expect(summary(success.attempts)).toEqual(["alpha:failed:503", "beta:success"]);
    }
    const whileOpen = await router.route(ordered, attempt);
    expect(summary(whileOpen.attempts)).toEqual(["alpha:skipped", "beta:success"]);
    expect(whileOpen.attempts[0]!.error_code).toBe("circuit_open");
    clock.advance(29_999);
    expect(summary((await router.route(ordered, attempt)).attempts)).toEqual([
      "alpha:skipped",
      "beta:success",
    ]);

    clock.advance(1);
    const probe = await router.route(ordered, attempt);
    expect(summary(probe.attempts)).toEqual(["alpha:success"]);
    const closed = await router.route(ordered, attempt);
    expect(summary(closed.attempts)).toEqual(["alpha:success"]);
  });

  it("answers a retryable 503 with retry-after when every candidate is cooling down", async () => {
    const { clock, router } = setup({ breaker: { failureThreshold: 1, cooldownMs: 5_000 } });
    const { attempt } = scripted(clock, {
      alpha: [upstreamError(503, "alpha")],
      beta: [upstreamError(503, "beta")],
      gamma: [upstreamError(503, "gamma")],
    });
    await failure(router.route(costRoute(), attempt));
    clock.advance(1_000);
    const error = await failure(router.route(costRoute(), attempt));
    expect(error.status).toBe(503);
    expect(error.code).toBe("no_available_provider");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(4_000);
  });
});

describe("key pool in the router", () => {
  it("moves off a rate-limited key and retires an unauthorized one, never leaking a key", async () => {
    const { clock, router } = setup({}, { alpha: ["sk-a", "sk-b", "sk-c"] });
    const solo = costRoute({ routing: { optimize: "cost", providers: ["alpha"] } });
    const { attempt, calls } = scripted(clock, {
      alpha: [
        upstreamError(429, "alpha", { retryAfterMs: 10_000 }),
        upstreamError(401, "alpha", { message: "Incorrect API key provided: sk-b" }),
      ],
    });
    const first = await router.route(solo, attempt);
    expect(calls.map((call) => call.apiKey)).toEqual(["sk-a", "sk-b", "sk-c"]);
    expect(summary(first.attempts)).toEqual(["alpha:failed:429", "alpha:failed:401", "alpha:success"]);
    // Only the attempt target carries a key (the caller needs it); attempts and warnings never do.
    expect(JSON.stringify([first.attempts, first.warnings])).not.toContain("sk-");

    clock.advance(1_000);
    await router.route(solo, attempt);
    await router.route(solo, attempt);
    // sk-a rests for its retry-after, sk-b is retired: only sk-c serves
    expect(calls.slice(3).map((call) => call.apiKey)).toEqual(["sk-c", "sk-c"]);

    clock.advance(10_000);
    await router.route(solo, attempt);
    await router.route(solo, attempt);
    expect(calls.slice(5).map((call) => call.apiKey)).toEqual(["sk-a", "sk-c"]);
  });

  it("removes keys from the errors it throws", async () => {
    const { clock, router } = setup({ maxAttempts: 1 }, { alpha: ["sk-secret"] });
    const { attempt } = scripted(clock, {
      alpha: [upstreamError(400, "alpha", { message: "bad key sk-secret in header" })],
    });
    const error = await failure(router.route(costRoute(), attempt));
    expect(error.message).toBe("bad key [key #1] in header");
    expect(error.status).toBe(400);
  });
});
