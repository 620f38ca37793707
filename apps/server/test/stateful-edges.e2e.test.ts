import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { ANTHROPIC_FAKE_TOKEN_COUNT, anthropicTextOpeningFrames } from "./fakes/anthropic-fake";
import { helloFrom } from "./fakes/fake-reply";
import { failWith, hangingStream } from "./fakes/fake-upstream";
import { CLIENT_KEY, startHarness, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

type Routed = Response & { routing_metadata?: { provider: string } };

describe("stored responses at the edges", () => {
  it("stores a stream the client left as what it received, incomplete", async () => {
    const upstream = hangingStream(anthropicTextOpeningFrames("claude-sonnet-4-6"));
    harness.fakes.anthropic.script(upstream.handler);
    const controller = new AbortController();
    const stream = await harness.client.responses.create(
      { model: "claude-sonnet-4-6", input: "Start, then I leave.", stream: true },
      { signal: controller.signal },
    );
    const iterator = (stream as AsyncIterable<ResponseStreamEvent>)[Symbol.asyncIterator]();
    const first = await iterator.next();
    const created = first.value as ResponseStreamEvent;
    expect(created.type).toBe("response.created");
    const id = created.type === "response.created" ? created.response.id : "";
    controller.abort();
    await upstream.closed;
    await expect
      .poll(async () => (await harness.client.responses.retrieve(id).catch(() => undefined))?.status)
      .toBe("incomplete");
    const stored = await harness.client.responses.retrieve(id);
    expect(stored.incomplete_details).toEqual({ reason: "client_disconnected" });
  });

  it("continues a chain through failover: the turn that failed over is stored with who answered", async () => {
    harness.fakes.anthropic.script(
      failWith(529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
    );
    const first: Routed = await harness.client.responses.create({
      input: "Failover turn.",
      gateway: { models: ["claude-sonnet-4-6", "gemini-2.5-flash"] },
    } as never);
    expect(first.routing_metadata?.provider).toBe("google");
    expect(first.output_text).toBe(helloFrom("gemini"));
    const second = await harness.client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Next.",
      previous_response_id: first.id,
    });
    expect(second.output_text).toBe(helloFrom("anthropic"));
    const sent = harness.fakes.anthropic.lastRequest.rawBody;
    expect(sent).toContain("Failover turn.");
    expect(sent).toContain(helloFrom("gemini"));
  });

  it("counts input tokens exactly on Claude, stored chain included, and estimates elsewhere", async () => {
    const first = await harness.client.responses.create({
      model: "deepseek-chat",
      input: "Count this history.",
    });
    const exact = await harness.client.responses.inputTokens.count({
      model: "claude-sonnet-4-6",
      input: "And this.",
      previous_response_id: first.id,
    });
    expect(exact).toEqual({ object: "response.input_tokens", input_tokens: ANTHROPIC_FAKE_TOKEN_COUNT });
    const counted = harness.fakes.anthropic.lastRequest;
    expect(counted.url).toContain("/count_tokens");
    expect(counted.rawBody).toContain("Count this history.");
    expect(counted.rawBody).not.toContain("max_tokens");

    const response = await fetch(`${harness.url}/v1/responses/input_tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gemini-2.5-flash", input: "Say something about foxes." }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-switchyard-token-count")).toBe("estimated");
    const estimate = (await response.json()) as { object: string; input_tokens: number; estimated: boolean };
    expect(estimate).toMatchObject({ object: "response.input_tokens", estimated: true });
    expect(estimate.input_tokens).toBeGreaterThan(0);
  });
});

describe("storing turned off by the operator", () => {
  it("writes nothing, and answers store: true and the stateful fields with a 400 naming them", async () => {
    const off = await startHarness({ env: { SWITCHYARD_STORE: "false" } });
    try {
      const response = await off.client.responses.create({ model: "deepseek-chat", input: "Not kept." });
      expect((response as { store?: unknown }).store).toBe(false);
      await expect(off.client.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
      for (const [field, body] of [
        ["store", { store: true }],
        ["previous_response_id", { previous_response_id: response.id }],
        ["background", { background: true }],
      ] as const) {
        await expect(
          off.client.responses.create({ model: "deepseek-chat", input: "x", ...body } as never),
        ).rejects.toMatchObject({ status: 400, code: "operation_not_allowed", param: field });
      }
      await expect(off.client.conversations.create()).rejects.toMatchObject({ status: 400 });
    } finally {
      await off.stop();
    }
  });
});
