import OpenAI from "openai";
import type { Response, ResponseStreamEvent } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { helloFrom, REASONING_TEXT } from "./fakes/fake-reply";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const OTHER_KEY = "ak_other_team_key";
/** `store` of a Response (the SDK's type leaves it out). */
const storeOf = (response: object): unknown => (response as { store?: unknown }).store;

const harness = useSharedHarness({ env: { SWITCHYARD_API_KEYS: `${CLIENT_KEY},${OTHER_KEY}` } });

type Routed = Response & { routing_metadata?: { provider: string; warnings?: { code: string }[] } };

const otherClient = () => new OpenAI({ apiKey: OTHER_KEY, baseURL: `${harness.url}/v1`, maxRetries: 0 });

/** The JSON an upstream received, as text, to check which earlier turns it was sent. */
const sentTo = (fake: "anthropic" | "gemini" | "deepseek" | "openai"): string =>
  harness.fakes[fake].lastRequest.rawBody;

describe("previous_response_id across models (openai SDK)", () => {
  it("continues a three-turn chain on Claude, then Gemini, then DeepSeek, each turn seeing the whole history", async () => {
    const client = harness.client;
    const first: Routed = await client.responses.create({
      model: "claude-sonnet-4-6",
      input: "My name is Ada.",
      instructions: "Answer briefly.",
    });
    expect(storeOf(first)).toBe(true);
    expect(first.output_text).toBe(helloFrom("anthropic"));
    expect(first.routing_metadata?.provider).toBe("anthropic");

    const second: Routed = await client.responses.create({
      model: "gemini-2.5-flash",
      input: "What is my name?",
      previous_response_id: first.id,
    });
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output_text).toBe(helloFrom("gemini"));
    // Instructions are not inherited.
    expect(second.instructions).toBeNull();
    const geminiBody = sentTo("gemini");
    expect(geminiBody).toContain("My name is Ada.");
    expect(geminiBody).toContain(helloFrom("anthropic"));
    expect(geminiBody).toContain("What is my name?");
    expect(geminiBody).not.toContain("Answer briefly.");

    const third: Routed = await client.responses.create({
      model: "deepseek-chat",
      input: "And again?",
      previous_response_id: second.id,
    });
    expect(third.output_text).toBe(helloFrom("deepseek"));
    const deepseek = JSON.parse(sentTo("deepseek")) as { messages: { role: string; content: unknown }[] };
    expect(deepseek.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(JSON.stringify(deepseek.messages)).toContain(helloFrom("gemini"));

    // Stored = returned: retrieve gives back exactly what the client received.
    expect(await client.responses.retrieve(third.id)).toEqual(third);
    const items = await client.responses.inputItems.list(third.id, { order: "asc" });
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({
      type: "message",
      role: "user",
      content: [{ type: "input_text", text: "And again?" }],
    });
  });

  it("a streamed turn is stored as the client received it and continues like a whole one", async () => {
    const client = harness.client;
    const stream = client.responses.stream({ model: "gemini-2.5-flash", input: "Stream it." });
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const streamed = await stream.finalResponse();
    const completed = events.find((event) => event.type === "response.completed");
    expect(completed?.type === "response.completed" && completed.response.id).toBe(streamed.id);
    expect(events[0]?.type === "response.created" && events[0].response.id).toBe(streamed.id);
    const stored = await client.responses.retrieve(streamed.id);
    expect(completed?.type === "response.completed" ? completed.response : undefined).toEqual(stored);
    const next = await client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Next.",
      previous_response_id: streamed.id,
    });
    expect(next.status).toBe("completed");
    expect(sentTo("anthropic")).toContain("Stream it.");
  });

  it("sends Claude's signed thinking back only to the Claude model that made it", async () => {
    const client = harness.client;
    const claude = await client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Think first.",
      reasoning: { effort: "low" },
    });
    expect(claude.output.some((item) => item.type === "reasoning")).toBe(true);
    const gemini: Routed = await client.responses.create({
      model: "gemini-2.5-flash",
      input: "Go on.",
      previous_response_id: claude.id,
    });
    expect(sentTo("gemini")).not.toContain("sig-fake");
    expect(gemini.routing_metadata?.warnings?.map((warning) => warning.code)).toContain(
      "reasoning.encrypted_content",
    );
    await client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Back to you.",
      previous_response_id: gemini.id,
    });
    const anthropic = JSON.parse(sentTo("anthropic")) as {
      messages: { role: string; content: { type: string; signature?: string; thinking?: string }[] }[];
    };
    const thinking = anthropic.messages.flatMap((message) =>
      Array.isArray(message.content) ? message.content.filter((block) => block.type === "thinking") : [],
    );
    expect(thinking).toEqual([{ type: "thinking", thinking: REASONING_TEXT, signature: "sig-fake" }]);
  });

  it("deletes a response: then it is gone for retrieve, input items and continuations", async () => {
    const client = harness.client;
    const response = await client.responses.create({ model: "deepseek-chat", input: "Delete me." });
    await client.responses.delete(response.id);
    await expect(client.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
    await expect(client.responses.inputItems.list(response.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      client.responses.create({ model: "deepseek-chat", input: "x", previous_response_id: response.id }),
    ).rejects.toMatchObject({ status: 400, param: "previous_response_id" });
    await expect(client.responses.delete(response.id)).rejects.toMatchObject({ status: 404 });
  });

  it("pages input items with after, limit and order", async () => {
    const client = harness.client;
    const response = await client.responses.create({
      model: "gemini-2.5-flash",
      input: [
        { role: "user", content: "one" },
        { role: "user", content: "two" },
        { role: "user", content: "three" },
      ],
    });
    const firstPage = await client.responses.inputItems.list(response.id, { limit: 2, order: "asc" });
    const texts = (page: typeof firstPage) =>
      page.data.map((item) => (item.type === "message" ? (item.content[0] as { text: string }).text : ""));
    expect(texts(firstPage)).toEqual(["one", "two"]);
    expect(firstPage.has_more).toBe(true);
    const secondPage = await firstPage.getNextPage();
    expect(texts(secondPage)).toEqual(["three"]);
    const descending = await client.responses.inputItems.list(response.id);
    expect(texts(descending)).toEqual(["three", "two", "one"]);
  });

  it("another client key gets 404 for every stored object, and a 400 naming the field when it refers to one", async () => {
    const response = await harness.client.responses.create({ model: "deepseek-chat", input: "Mine." });
    const other = otherClient();
    await expect(other.responses.retrieve(response.id)).rejects.toMatchObject({
      status: 404,
      code: "not_found",
    });
    await expect(other.responses.inputItems.list(response.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.responses.delete(response.id)).rejects.toMatchObject({ status: 404 });
    await expect(other.responses.cancel(response.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      other.responses.create({ model: "deepseek-chat", input: "x", previous_response_id: response.id }),
    ).rejects.toMatchObject({ status: 400, param: "previous_response_id" });
    await expect(
      other.responses.create({
        model: "deepseek-chat",
        input: [{ type: "item_reference", id: response.output[0]!.id! }],
      }),
    ).rejects.toMatchObject({ status: 400, param: "input[0].id" });
    // Still there for its owner.
    expect((await harness.client.responses.retrieve(response.id)).id).toBe(response.id);
  });

  it("answers bad state fields with a 400 naming the field", async () => {
    const client = harness.client;
    const cases: { body: Record<string, unknown>; param: string }[] = [
      { body: { previous_response_id: "resp_unknown" }, param: "previous_response_id" },
      {
        body: { previous_response_id: "resp_unknown", conversation: "conv_x" },
        param: "previous_response_id",
      },
      { body: { background: true, store: false }, param: "background" },
      { body: { conversation: "conv_unknown" }, param: "conversation" },
      { body: { input: [{ type: "item_reference", id: "msg_unknown" }] }, param: "input[0].id" },
    ];
    for (const { body, param } of cases) {
      await expect(
        client.responses.create({ model: "deepseek-chat", input: "x", ...body } as never),
      ).rejects.toMatchObject({ status: 400, param });
    }
  });

  it("store: false writes nothing, so the response cannot be retrieved", async () => {
    const response = await harness.client.responses.create({
      model: "deepseek-chat",
      input: "Forget me.",
      store: false,
    });
    expect(storeOf(response)).toBe(false);
    await expect(harness.client.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
  });

  it("resolves an item_reference to the stored item", async () => {
    const client = harness.client;
    const first = await client.responses.create({ model: "gemini-2.5-flash", input: "Remember this." });
    const message = first.output.find((item) => item.type === "message")!;
    await client.responses.create({
      model: "deepseek-chat",
      input: [
        { role: "user", content: "Remember this." },
        { type: "item_reference", id: message.id! },
        { role: "user", content: "Now?" },
      ],
    });
    const deepseek = JSON.parse(sentTo("deepseek")) as { messages: { role: string; content: unknown }[] };
    expect(deepseek.messages.map((entry) => entry.role)).toEqual(["user", "assistant", "user"]);
    expect(JSON.stringify(deepseek.messages[1])).toContain(helloFrom("gemini"));
  });
});
