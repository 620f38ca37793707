import { afterEach, describe, expect, it } from "vitest";
import { failWith } from "./fakes/fake-upstream";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

// Anthropic is the only candidate for claude-sonnet-4-6, and it has one key.
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start() {
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  harness = await startHarness({ clock: clock.now });
  return { harness, clock };
}

const unauthorized = failWith(401, {
  type: "error",
  error: { type: "authentication_error", message: "invalid x-api-key" },
});
const rateLimited = failWith(429, {
  type: "error",
  error: { type: "rate_limit_error", message: "Slow down" },
});

const ENDPOINTS = [
  {
    path: "/v1/chat/completions",
    body: { model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] },
  },
  { path: "/v1/responses", body: { model: "claude-sonnet-4-6", input: "hi" } },
  {
    path: "/v1/messages",
    body: { model: "claude-sonnet-4-6", max_tokens: 64, messages: [{ role: "user", content: "hi" }] },
  },
];

const post = (gateway: Harness, path: string, body: unknown) =>
  fetch(`${gateway.url}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${CLIENT_KEY}`,
      "x-api-key": CLIENT_KEY,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });

describe("the only key of the only candidate", () => {
  it.each(ENDPOINTS)(
    "$path: after a 401 it answers the upstream's 401 with retry-after, then probes the key again",
    async ({ path, body }) => {
      const { harness: gateway, clock } = await start();
      gateway.fakes.anthropic.script(unauthorized);
      const first = await post(gateway, path, body);
      expect(first.status).toBe(401);
      await first.arrayBuffer();

      // Retired: the same upstream status and a retry-after, with no upstream call and no invented 503.
      clock.advance(1_000);
      const retired = await post(gateway, path, body);
      expect(retired.status).toBe(401);
      expect(retired.headers.get("retry-after")).toBe("29");
      await retired.arrayBuffer();
      expect(gateway.fakes.anthropic.requests).toHaveLength(1);

      // After the back-off the key is probed; the upstream takes it again, and it stays in use.
      clock.advance(29_000);
      const probed = await post(gateway, path, body);
      expect(probed.status).toBe(200);
      await probed.arrayBuffer();
      const next = await post(gateway, path, body);
      expect(next.status).toBe(200);
      await next.arrayBuffer();
      expect(gateway.fakes.anthropic.requests).toHaveLength(3);
    },
  );

  it.each(ENDPOINTS)(
    "$path: a 429 without retry-after is answered with one, and the resting key is still tried",
    async ({ path, body }) => {
      const { harness: gateway } = await start();
      gateway.fakes.anthropic.script(rateLimited);
      const limited = await post(gateway, path, body);
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("5");
      await limited.arrayBuffer();

      // The key rests, but it is the only one there is: the request goes to it rather than to a 503.
      const served = await post(gateway, path, body);
      expect(served.status).toBe(200);
      await served.arrayBuffer();
      expect(gateway.fakes.anthropic.requests).toHaveLength(2);

      gateway.fakes.anthropic.script(rateLimited, rateLimited);
      const again = await post(gateway, path, body);
      expect(again.status).toBe(429);
      expect(again.headers.get("retry-after")).toBe("5");
      await again.arrayBuffer();
      const stillLimited = await post(gateway, path, body);
      expect(stillLimited.status).toBe(429);
      await stillLimited.arrayBuffer();
      expect(gateway.fakes.anthropic.requests).toHaveLength(4);
    },
  );
});

describe("a resting key with another candidate", () => {
  it("skips the resting key's candidate while another serves", async () => {
    const { harness: gateway } = await start();
    gateway.fakes.anthropic.script(rateLimited);
    const body = {
      gateway: { models: ["claude-sonnet-4-6", "gemini-2.5-flash"] },
      messages: [{ role: "user", content: "hi" }],
    };
    const first = await post(gateway, "/v1/chat/completions", body);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-switchyard-provider")).toBe("google");
    await first.arrayBuffer();
    const second = await post(gateway, "/v1/chat/completions", body);
    expect(second.headers.get("x-switchyard-provider")).toBe("google");
    await second.arrayBuffer();
    expect(gateway.fakes.anthropic.requests).toHaveLength(1);
  });
});
