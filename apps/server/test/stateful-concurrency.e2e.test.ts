import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

describe("forks of one stored response", () => {
  it("runs 20 continuations of one response at once: all succeed, with distinct ids", async () => {
    const client = harness.client;
    const root = await client.responses.create({ model: "gemini-2.5-flash", input: "Root turn." });
    const forks = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        client.responses.create({
          model: index % 2 === 0 ? "deepseek-chat" : "claude-sonnet-4-6",
          input: `Fork ${index}`,
          previous_response_id: root.id,
        }),
      ),
    );
    expect(forks.every((fork) => fork.status === "completed")).toBe(true);
    expect(new Set(forks.map((fork) => fork.id)).size).toBe(20);
    expect(forks.every((fork) => fork.previous_response_id === root.id)).toBe(true);
    // Each fork continues from the root, not from a sibling.
    const next = await client.responses.create({
      model: "deepseek-chat",
      input: "After fork 3.",
      previous_response_id: forks[3]!.id,
    });
    expect(next.output_text).toBe(helloFrom("deepseek"));
    const sent = harness.fakes.deepseek.lastRequest.rawBody;
    expect(sent).toContain("Root turn.");
    expect(sent).toContain("Fork 3");
    expect(sent).not.toContain("Fork 4");
  });
});
