import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

describe("POST /v1/responses/compact (openai SDK)", () => {
  it("compacts a chain on one model and the compaction continues on another", async () => {
    const client = harness.client;
    const first = await client.responses.create({
      model: "claude-sonnet-4-6",
      input: "The code word is heron.",
    });
    const compacted = await client.responses.compact({
      model: "gemini-2.5-flash",
      previous_response_id: first.id,
      input: "Keep it short.",
    });
    expect(compacted.object).toBe("response.compaction");
    // The model wrote the compaction: the Gemini fake was asked, with the whole conversation.
    const asked = harness.fakes.gemini.lastRequest.rawBody;
    expect(asked).toContain("The code word is heron.");
    expect(asked).toContain(helloFrom("anthropic"));
    const roles = compacted.output.map((item) => (item.type === "message" ? item.role : item.type));
    expect(roles).toEqual(["user", "user", "compaction"]);
    const compaction = compacted.output.at(-1)!;
    expect(compaction.type === "compaction" && compaction.encrypted_content).toEqual(expect.any(String));
    // Opaque to the client: the summary text is not readable in it.
    expect(JSON.stringify(compaction)).not.toContain(helloFrom("gemini"));

    const next = await client.responses.create({
      model: "deepseek-chat",
      input: [...compacted.output, { role: "user", content: "What was the code word?" }] as never,
    });
    expect(next.output_text).toBe(helloFrom("deepseek"));
    const deepseek = harness.fakes.deepseek.lastRequest.rawBody;
    // The compaction became its summary (the Gemini fake's answer) in the DeepSeek call.
    expect(deepseek).toContain(helloFrom("gemini"));
    expect(deepseek).toContain("What was the code word?");
  });

  it("requires a model", async () => {
    await expect(harness.client.responses.compact({ model: null, input: "x" })).rejects.toMatchObject({
      status: 400,
      param: "model",
    });
  });
});
