import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorBodyWith200, malformedSse } from "./fakes/faults";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.stop());

describe("a native Responses stream that does not open with a response event", () => {
  it.each([
    { name: "SSE frames that are not JSON", fault: malformedSse() },
    {
      name: "an error body sent with status 200",
      fault: errorBodyWith200({ error: { message: "exploded" } }),
    },
  ])("($name) fails over to the next candidate", async ({ fault }) => {
    harness.fakes.openai.script(fault);
    const response = await fetch(`${harness.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        gateway: { models: ["gpt-4o", "claude-sonnet-4-6"] },
        input: "hi",
        stream: true,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-switchyard-provider")).toBe("anthropic");
    const text = await response.text();
    const events = [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]);
    expect(events[0]).toBe("response.created");
    expect(events.at(-1)).toBe("response.completed");
    expect(harness.fakes.openai.requests).toHaveLength(1);
  });
});
