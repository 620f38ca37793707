import type OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { type Fakes, useSharedHarness } from "./gateway-harness";

/*
 * The catalog as a new user meets it: OpenAI, Anthropic, Gemini and DeepSeek configured (against the loopback
 * fakes), the official openai SDK as the client.
 */
const harness = useSharedHarness();

interface RoutingMetadata {
  provider: string;
  provider_model_id: string;
  cost?: { usd: number; breakdown?: Record<string, number> } | null;
  warnings?: { code: string }[];
}
const metadataOf = (answer: object): RoutingMetadata =>
  (answer as { routing_metadata: RoutingMetadata }).routing_metadata;

/** Each model, the fake that serves it, and the protocol its fake answers with on each endpoint. */
const served: { model: string; fake: keyof Fakes; chat: string; responses: string }[] = [
  { model: "gpt-4o-mini", fake: "openai", chat: "openai-chat", responses: "openai-responses" },
  { model: "o3", fake: "openai", chat: "openai-chat", responses: "openai-responses" },
  { model: "o4-mini", fake: "openai", chat: "openai-chat", responses: "openai-responses" },
  { model: "gpt-4.1-mini", fake: "openai", chat: "openai-chat", responses: "openai-responses" },
  { model: "claude-sonnet-4-5", fake: "anthropic", chat: "anthropic", responses: "anthropic" },
  { model: "gemini-2.0-flash", fake: "gemini", chat: "gemini", responses: "gemini" },
  { model: "deepseek-reasoner", fake: "deepseek", chat: "deepseek", responses: "deepseek" },
];

/** The model id the fake received. */
function sentModel(fakes: Fakes, fake: keyof Fakes): string {
  const request = fakes[fake].lastRequest;
  if (fake === "gemini") return decodeURIComponent(request.url.split("/models/")[1]!.split(":")[0]!);
  return (request.body as { model: string }).model;
}

describe("GET /v1/models with the four providers configured", () => {
  it("lists at least 200 models, each id once", async () => {
    const ids: string[] = [];
    for await (const model of harness.client.models.list()) ids.push(model.id);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { model } of served) expect(ids).toContain(model);
    expect(ids).toContain("gpt-4o-2024-08-06");
    expect(ids).toContain("claude-sonnet-4-5-20250929");
  });

  it("retrieves a dated version, and answers 404 for a provider/model the catalog does not know", async () => {
    expect((await harness.client.models.retrieve("gpt-4o-2024-08-06")).id).toBe("gpt-4o-2024-08-06");
    await expect(harness.client.models.retrieve("openai/some-model-nobody-knows")).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("each model is served on both endpoints", () => {
  it.each(served)("$model on /v1/chat/completions", async ({ model, fake, chat }) => {
    const completion = await harness.client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion.choices[0]!.message.content).toBe(helloFrom(chat));
    expect(sentModel(harness.fakes, fake)).toBe(model);
    expect(metadataOf(completion).cost?.usd).toBeGreaterThan(0);
  });

  it.each(served)("$model on /v1/responses", async ({ model, fake, responses }) => {
    const response = await harness.client.responses.create({ model, input: "hi" });
    expect(response.output_text).toBe(helloFrom(responses));
    expect(sentModel(harness.fakes, fake)).toBe(model);
  });
});

describe("ids are sent as the client wrote them", () => {
  it.each([
    { model: "gpt-4o-2024-08-06", fake: "openai" as const },
    { model: "claude-sonnet-4-5-20250929", fake: "anthropic" as const },
    { model: "gemini-2.0-flash-001", fake: "gemini" as const },
  ])("$model reaches the upstream unchanged", async ({ model, fake }) => {
    const completion = await harness.client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(sentModel(harness.fakes, fake)).toBe(model);
    expect(metadataOf(completion).provider_model_id).toBe(model);
  });

  it("rewrites an alias the gateway invents", async () => {
    await harness.client.chat.completions.create({
      model: "gemini-3-pro",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(sentModel(harness.fakes, "gemini")).toBe("gemini-3-pro-preview");
  });
});

describe("provider/unknown-model", () => {
  it("is sent to the provider as given, answered, and its cost is null with unknown_price", async () => {
    const completion = await harness.client.chat.completions.create({
      model: "openai/some-model-nobody-knows",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion.choices[0]!.message.content).toBe(helloFrom("openai-chat"));
    expect(sentModel(harness.fakes, "openai")).toBe("some-model-nobody-knows");
    const metadata = metadataOf(completion);
    expect(metadata.cost).toBeNull();
    expect(metadata.warnings?.map((warning) => warning.code)).toContain("unknown_price");
  });

  it("is served on /v1/responses too", async () => {
    const response = await harness.client.responses.create({
      model: "openai/some-model-nobody-knows",
      input: "hi",
    });
    expect(response.output_text).toBe(helloFrom("openai-responses"));
    expect(sentModel(harness.fakes, "openai")).toBe("some-model-nobody-knows");
  });

  it("still answers an unknown bare id with model_not_found and suggestions", async () => {
    const error = await harness.client.chat.completions
      .create({ model: "gpt-4o-mimi", messages: [{ role: "user", content: "hi" }] })
      .catch((caught: unknown) => caught as InstanceType<typeof OpenAI.APIError>);
    expect(error).toMatchObject({ status: 404, code: "model_not_found" });
    expect(String((error as Error).message)).toContain("gpt-4o-mini");
  });
});
