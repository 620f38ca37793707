import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTER_TIMEOUTS } from "./router";
import { costRoute, failure, setup, summary } from "./router-test-kit";
import type { AttemptTarget } from "./router-types";
import { requirements } from "./test-helpers";

/** Alpha hangs (and ignores its signal, as a stuck provider might); the others answer at once. */
const alphaHangs = (seen: AttemptTarget[]) => async (target: AttemptTarget) => {
  seen.push(target);
  if (target.offering.provider === "alpha") return new Promise<string>(() => {});
  return `answer from ${target.offering.provider}`;
};

describe("the per-attempt time limit", () => {
  it.each([
    { streaming: true, option: "firstByteTimeoutMs", code: "upstream_first_byte_timeout" },
    { streaming: false, option: "wholeAnswerTimeoutMs", code: "upstream_timeout" },
  ])(
    "fails a hung attempt over to the next candidate (streaming: $streaming, $option)",
    async ({ streaming, option, code }) => {
      const { router } = setup({ [option]: 20, maxTotalMs: 60_000 });
      const seen: AttemptTarget[] = [];
      const success = await router.route(
        costRoute({ requirements: requirements({ streaming }) }),
        alphaHangs(seen),
      );
      expect(success.value).toBe("answer from beta");
      expect(summary(success.attempts)).toEqual(["alpha:failed:504", "beta:success"]);
      expect(success.attempts[0]!.error_code).toBe(code);
      // The hung attempt's signal was aborted, so a real provider closes its upstream request.
      expect(seen[0]!.signal.aborted).toBe(true);
      expect(success.warnings[0]).toMatchObject({ type: "fallback", code: "alpha" });
    },
  );

  it("is bounded by what remains of the total budget, which ends the routing", async () => {
    const { clock, router } = setup({ firstByteTimeoutMs: 60_000, maxTotalMs: 20 });
    const hangs = alphaHangs([]);
    const error = await failure(
      router.route(costRoute({ requirements: requirements({ streaming: true }) }), (target) => {
        // The fake clock is moved past the budget, so none is left for the next candidate.
        clock.advance(20);
        return hangs(target);
      }),
    );
    expect(error.status).toBe(504);
    expect(error.code).toBe("routing_timeout");
  });

  it("lets the caller abort a successful attempt's signal later (a stream's upstream)", async () => {
    const { router } = setup();
    const success = await router.route(costRoute(), async () => "ok");
    expect(success.target.signal.aborted).toBe(false);
    success.target.abort(new Error("idle"));
    expect(success.target.signal.aborted).toBe(true);
  });

  it("defaults to limits that leave room for failover inside the total budget", () => {
    const { maxTotalMs, firstByteTimeoutMs, wholeAnswerTimeoutMs } = DEFAULT_ROUTER_TIMEOUTS;
    // Three stream attempts (the default maxAttempts) and two whole ones fit in the budget.
    expect(3 * firstByteTimeoutMs).toBeLessThanOrEqual(maxTotalMs);
    expect(2 * wholeAnswerTimeoutMs).toBeLessThanOrEqual(maxTotalMs);
    expect(firstByteTimeoutMs).toBeLessThan(wholeAnswerTimeoutMs);
  });
});
