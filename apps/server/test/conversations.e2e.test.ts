import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const OTHER_KEY = "ak_other_team_key";
const harness = useSharedHarness({ env: { SWITCHYARD_API_KEYS: `${CLIENT_KEY},${OTHER_KEY}` } });

const textOf = (item: { type: string; content?: unknown }): string =>
  item.type === "message" && Array.isArray(item.content)
    ? item.content.map((part: { text?: string }) => part.text ?? "").join("")
    : "";

describe("the Conversations API (openai SDK)", () => {
  it("creates, retrieves, updates and deletes a conversation and its items", async () => {
    const client = harness.client;
    const conversation = await client.conversations.create({
      metadata: { topic: "demo" },
      items: [{ type: "message", role: "user", content: "Hello there." }],
    });
    expect(conversation).toMatchObject({ object: "conversation", metadata: { topic: "demo" } });
    expect(conversation.id).toMatch(/^conv_/);
    expect(await client.conversations.retrieve(conversation.id)).toEqual(conversation);

    const updated = await client.conversations.update(conversation.id, { metadata: { topic: "changed" } });
    expect(updated.metadata).toEqual({ topic: "changed" });

    const added = await client.conversations.items.create(conversation.id, {
      items: [
        { type: "message", role: "user", content: "Second." },
        { type: "message", role: "user", content: "Third." },
      ],
    });
    expect(added.data.map(textOf)).toEqual(["Second.", "Third."]);
    const listed = await client.conversations.items.list(conversation.id, { order: "asc" });
    expect(listed.data.map(textOf)).toEqual(["Hello there.", "Second.", "Third."]);

    const second = added.data[0]!;
    expect(
      await client.conversations.items.retrieve(second.id!, { conversation_id: conversation.id }),
    ).toEqual(second);
    const afterDelete = await client.conversations.items.delete(second.id!, {
      conversation_id: conversation.id,
    });
    expect(afterDelete.id).toBe(conversation.id);
    const remaining = await client.conversations.items.list(conversation.id, { order: "asc" });
    expect(remaining.data.map(textOf)).toEqual(["Hello there.", "Third."]);

    expect(await client.conversations.delete(conversation.id)).toEqual({
      id: conversation.id,
      object: "conversation.deleted",
      deleted: true,
    });
    await expect(client.conversations.retrieve(conversation.id)).rejects.toMatchObject({ status: 404 });
  });

  it("carries a conversation over three responses on three models", async () => {
    const client = harness.client;
    const conversation = await client.conversations.create();
    const models = ["claude-sonnet-4-6", "gemini-2.5-flash", "deepseek-chat"];
    const protocols = ["anthropic", "gemini", "deepseek"];
    for (const [index, model] of models.entries()) {
      const response = await client.responses.create({
        model,
        input: `Turn ${index + 1}`,
        conversation: conversation.id,
      });
      expect(response.conversation?.id).toBe(conversation.id);
      expect(response.output_text).toBe(helloFrom(protocols[index]!));
    }
    const deepseek = JSON.parse(harness.fakes.deepseek.lastRequest.rawBody) as { messages: unknown[] };
    expect(JSON.stringify(deepseek.messages)).toContain(helloFrom("anthropic"));
    expect(JSON.stringify(deepseek.messages)).toContain("Turn 2");
    const items = await client.conversations.items.list(conversation.id, { order: "asc", limit: 100 });
    expect(items.data.map(textOf)).toEqual([
      "Turn 1",
      helloFrom("anthropic"),
      "Turn 2",
      helloFrom("gemini"),
      "Turn 3",
      helloFrom("deepseek"),
    ]);
  });

  it("keeps 10 responses on one conversation at once complete and never interleaved", async () => {
    const client = harness.client;
    const conversation = await client.conversations.create();
    const turns = Array.from({ length: 10 }, (_, index) => `Parallel ${index}`);
    await Promise.all(
      turns.map((input) =>
        client.responses.create({ model: "gemini-2.5-flash", input, conversation: conversation.id }),
      ),
    );
    const items = await client.conversations.items.list(conversation.id, { order: "asc", limit: 100 });
    const texts = items.data.map(textOf);
    expect(texts).toHaveLength(20);
    // Each response's input and output are one block: an input is always followed by its answer.
    for (let index = 0; index < texts.length; index += 2) {
      expect(turns).toContain(texts[index]);
      expect(texts[index + 1]).toBe(helloFrom("gemini"));
    }
    expect(new Set(texts.filter((text) => text.startsWith("Parallel")))).toEqual(new Set(turns));
  });

  it("is invisible to another client key", async () => {
    const conversation = await harness.client.conversations.create({ metadata: { owner: "me" } });
    const other = new OpenAI({ apiKey: OTHER_KEY, baseURL: `${harness.url}/v1`, maxRetries: 0 });
    await expect(other.conversations.retrieve(conversation.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.conversations.items.list(conversation.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.conversations.delete(conversation.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      other.responses.create({ model: "deepseek-chat", input: "x", conversation: conversation.id }),
    ).rejects.toMatchObject({ status: 400, param: "conversation" });
  });
});
