import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anthropicTextOpeningFrames } from "./fakes/anthropic-fake";
import { helloFrom } from "./fakes/fake-reply";
import { hangingStream } from "./fakes/fake-upstream";
import { type Harness, startHarness } from "./gateway-harness";

// Two gateways on one store, as several instances share one database.
let dataDir: string;
let first: Harness;
let second: Harness;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "switchyard-instances-"));
  first = await startHarness({ dataDir, randomIds: true, leaseMs: 3_000 });
  second = await startHarness({ dataDir, randomIds: true, leaseMs: 3_000 });
});
afterAll(async () => {
  await Promise.all([first.stop(), second.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("two gateway instances on one store", () => {
  it("continue each other's chains", async () => {
    const turn = await first.client.responses.create({
      model: "deepseek-chat",
      input: "On the first instance.",
    });
    const next = await second.client.responses.create({
      model: "gemini-2.5-flash",
      input: "On the second.",
      previous_response_id: turn.id,
    });
    expect(next.output_text).toBe(helloFrom("gemini"));
    expect(second.fakes.gemini.lastRequest.rawBody).toContain("On the first instance.");
  });

  it("follow and cancel a background response the other instance runs", { timeout: 15_000 }, async () => {
    const upstream = hangingStream(anthropicTextOpeningFrames("claude-sonnet-4-6"));
    first.fakes.anthropic.script(upstream.handler);
    const queued = await first.client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Run on the first instance.",
      background: true,
    });
    await expect.poll(() => first.fakes.anthropic.requests.length).toBe(1);
    // The second instance streams the stored events of a response it does not run.
    const followed = await second.client.responses.retrieve(queued.id, { stream: true });
    const events: ResponseStreamEvent[] = [];
    const reading = (async () => {
      for await (const event of followed) events.push(event);
    })();
    await expect.poll(() => events.some((event) => event.type === "response.output_text.delta")).toBe(true);
    const cancelled = await second.client.responses.cancel(queued.id);
    expect(cancelled.status).toBe("cancelled");
    await reading;
    // The running instance learns of the cancel at its next lease renewal and stops the upstream call; its
    // own end does not overwrite the cancel.
    await upstream.closed;
    expect((await first.client.responses.retrieve(queued.id)).status).toBe("cancelled");
  });
});
