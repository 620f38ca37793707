import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROVIDER_CASES } from "./e2e-providers";
import type { FakeHandler } from "./fakes/fake-upstream";
import { hangBeforeHeaders, stallAfterWrites } from "./fakes/faults";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

/** The three client endpoints, each with a request body for a model (streamed or not). */
const ENDPOINTS = [
  {
    path: "/v1/chat/completions",
    body: (model: Record<string, unknown>, stream: boolean) => ({
      ...model,
      messages: [{ role: "user", content: "hi" }],
      stream,
    }),
  },
  {
    path: "/v1/responses",
    body: (model: Record<string, unknown>, stream: boolean) => ({ ...model, input: "hi", stream }),
  },
  {
    path: "/v1/messages",
    // Anthropic's format requires `model`; `gateway.models`, when given, takes its place.
    body: (model: Record<string, unknown>, stream: boolean) => ({
      model: "claude-sonnet-4-6",
      ...model,
      max_tokens: 64,
      messages: [{ role: "user", content: "hi" }],
      stream,
    }),
  },
] as const;

const post = (harness: Harness, path: string, body: unknown) =>
  fetch(`${harness.url}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${CLIENT_KEY}`,
      "x-api-key": CLIENT_KEY,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });

/** The protocol responder of a fake, for the stall wrappers (the fake's own handler, unscripted). */
const responderOf = (harness: Harness, fake: keyof Harness["fakes"]): FakeHandler =>
  harness.fakes[fake].responder;

describe("an upstream that hangs before its first byte", () => {
  // A fresh gateway per test: each hung attempt counts against Anthropic's breaker, as it should. Short
  // limits, so a hung attempt fails over quickly; the defaults relate the same way (router tests).
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({
      env: { SWITCHYARD_FIRST_BYTE_TIMEOUT_MS: "300", SWITCHYARD_WHOLE_ANSWER_TIMEOUT_MS: "300" },
    });
  });
  afterEach(() => harness.stop());
  const twoModels = { gateway: { models: ["claude-sonnet-4-6", "gemini-2.5-flash"] } };

  const cases = ENDPOINTS.flatMap((endpoint) =>
    [false, true].flatMap((stream) =>
      (["no headers", "headers but no event"] as const)
        .filter((fault) => stream || fault === "no headers")
        .map((fault) => ({ ...endpoint, stream, fault })),
    ),
  );
  it.each(cases)(
    "$path (stream: $stream, $fault): the second model serves it and the hung call is closed",
    async ({ path, body, stream, fault }) => {
      const hung =
        fault === "no headers" ? hangBeforeHeaders() : stallAfterWrites(responderOf(harness, "anthropic"), 0);
      harness.fakes.anthropic.script(hung.handler);
      const response = await post(harness, path, body(twoModels, stream));
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get("x-switchyard-provider")).toBe("google");
      expect(text).toContain("gemini");
      await hung.closed;
      const line = harness.logLines.find((entry) => entry["path"] === path);
      expect(line).toMatchObject({ provider: "google", attempts: 2 });
    },
  );
});

describe("a stream that stalls after it started", () => {
  // A fresh gateway per test: a stream that failed counts against its offering's breaker.
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ env: { SWITCHYARD_STREAM_IDLE_TIMEOUT_MS: "200" } });
  });
  afterEach(() => harness.stop());

  const cases = ENDPOINTS.flatMap((endpoint) =>
    PROVIDER_CASES.map((provider) => ({
      ...endpoint,
      provider: provider.provider,
      fake: provider.fake,
      model: provider.model,
    })),
  );
  it.each(cases)(
    "$path on $provider ends with the protocol's error and closes the upstream call",
    async ({ path, body, fake, model }) => {
      const stalled = stallAfterWrites(responderOf(harness, fake), 3);
      harness.fakes[fake].script(stalled.handler);
      const response = await post(harness, path, body({ model }, true));
      expect(response.status).toBe(200);
      const text = await response.text();
      if (path === "/v1/chat/completions") {
        // Chat: an error chunk, then the end, without `[DONE]`.
        const frames = text.trimEnd().split("\n\n");
        expect(JSON.parse(frames.at(-1)!.replace(/^data: /, ""))).toMatchObject({
          error: { code: "upstream_idle_timeout", type: "timeout_error" },
        });
        expect(text).not.toContain("[DONE]");
      } else if (path === "/v1/responses") {
        // Responses: `error`, then `response.failed` as the last event.
        const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
        expect(events.slice(-2)).toEqual(["error", "response.failed"]);
        const failed = JSON.parse(
          text
            .trimEnd()
            .split("\n")
            .at(-1)!
            .replace(/^data: /, ""),
        ) as {
          response: { status: string; error: { code: string } };
        };
        expect(failed.response.status).toBe("failed");
        expect(failed.response.error.code).toBe("upstream_idle_timeout");
      } else {
        // Messages: an `error` event as the last event.
        const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
        expect(events.at(-1)).toBe("error");
        expect(text).toContain("sent nothing for 200 ms");
      }
      await stalled.closed;
      const line = harness.logLines.find((entry) => entry["path"] === path);
      expect(line).toMatchObject({ error: { code: "upstream_idle_timeout" } });
    },
  );
});
