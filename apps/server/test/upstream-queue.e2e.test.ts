import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stallAfterWrites } from "./fakes/faults";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

// One connection per upstream origin, and a short wait for it.
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({
    env: { SWITCHYARD_UPSTREAM_CONNECTIONS: "1", SWITCHYARD_UPSTREAM_QUEUE_TIMEOUT_MS: "200" },
  });
});
afterEach(() => harness.stop());

const post = (path: string, body: unknown) =>
  fetch(`${harness.url}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${CLIENT_KEY}`,
      "x-api-key": CLIENT_KEY,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });

const messages = [{ role: "user", content: "hi" }];

/** Opens a stream on Anthropic that holds the origin's only connection until the test ends. */
async function holdTheConnection() {
  const held = stallAfterWrites(harness.fakes.anthropic.responder, 3);
  harness.fakes.anthropic.script(held.handler);
  const response = await post("/v1/chat/completions", { model: "claude-sonnet-4-6", messages, stream: true });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  await reader.read();
  return { reader, held };
}

const ENDPOINTS = [
  {
    path: "/v1/chat/completions",
    body: (extra: object) => ({ model: "claude-sonnet-4-6", messages, ...extra }),
  },
  { path: "/v1/responses", body: (extra: object) => ({ model: "claude-sonnet-4-6", input: "hi", ...extra }) },
  {
    path: "/v1/messages",
    body: (extra: object) => ({ model: "claude-sonnet-4-6", max_tokens: 64, messages, ...extra }),
  },
];

describe("a full upstream connection pool", () => {
  it.each(ENDPOINTS)(
    "$path: a request that waits past the queue timeout gets a clear 503",
    async ({ path, body }) => {
      const { reader } = await holdTheConnection();
      const response = await post(path, body({}));
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain("connections to the upstream stayed busy for 200 ms");
      if (path !== "/v1/messages")
        expect(JSON.parse(text)).toMatchObject({ error: { code: "upstream_queue_timeout" } });
      // Nothing was sent upstream for it: the fake saw the held stream only.
      expect(harness.fakes.anthropic.requests).toHaveLength(1);
      await reader.cancel();
    },
  );

  it("fails over to the next candidate, and does not count against the busy provider", async () => {
    const { reader } = await holdTheConnection();
    for (let round = 0; round < 3; round++) {
      const response = await post("/v1/chat/completions", {
        gateway: { models: ["claude-sonnet-4-6", "gemini-2.5-flash"] },
        messages,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-switchyard-provider")).toBe("google");
      await response.arrayBuffer();
    }
    await reader.cancel();
    // Three queue timeouts did not open Anthropic's circuit: once the connection is free, it serves.
    const served = await post("/v1/chat/completions", { model: "claude-sonnet-4-6", messages });
    expect(served.status).toBe(200);
    expect(served.headers.get("x-switchyard-provider")).toBe("anthropic");
  });
});
