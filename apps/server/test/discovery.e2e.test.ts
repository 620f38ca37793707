import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscoveryOutcome, discoveryBannerLines } from "../src/model-discovery";
import { helloFrom } from "./fakes/fake-reply";
import { FakeUpstream, failWith } from "./fakes/fake-upstream";
import { openAIModelList, withModelList } from "./fakes/model-list-fake";
import { openAIChatResponder } from "./fakes/openai-chat-fake";
import { type Harness, startHarness } from "./gateway-harness";

/*
 * Discovery at start-up: a local OpenAI-compatible server (vLLM, Ollama, llama.cpp) reports the models it
 * loaded, and they are listed and served with no catalog entry; a server whose list cannot be read still
 * serves, and the start-up banner says what happened.
 */
let local: FakeUpstream;
let broken: FakeUpstream;
let harness: Harness;
let outcomes: DiscoveryOutcome[];

beforeAll(async () => {
  local = await new FakeUpstream(
    "local",
    withModelList(openAIModelList(["my-local-model-a", "my-local-model-b"]), openAIChatResponder("local")),
  ).start();
  broken = await new FakeUpstream("broken", (request, response, incoming) =>
    request.method === "GET"
      ? failWith(503, { error: { message: "models are loading", type: "server_error" } })(
          request,
          response,
          incoming,
        )
      : openAIChatResponder("broken")(request, response, incoming),
  ).start();
  harness = await startHarness({
    file: {
      providers: {
        local: { type: "openai-compatible", preset: "vllm", baseUrl: `${local.url}/v1` },
        broken: { type: "openai-compatible", baseUrl: `${broken.url}/v1` },
      },
      catalog: {
        models: [
          {
            id: "broken-model",
            offerings: [
              {
                provider: "broken",
                prices: { input: 1, output: 2 },
                contextWindow: 8_192,
                maxOutputTokens: 1_024,
              },
            ],
          },
        ],
      },
    },
  });
  outcomes = await harness.server.modelDiscovery();
});

afterAll(async () => {
  await harness.stop();
  await Promise.all([local.stop(), broken.stop()]);
});

describe("a local OpenAI-compatible server's models", () => {
  it("appear in /v1/models with no catalog entry", async () => {
    const ids: string[] = [];
    for await (const model of harness.client.models.list()) ids.push(model.id);
    expect(ids).toContain("my-local-model-a");
    expect(ids).toContain("my-local-model-b");
  });

  it.each(["my-local-model-a", "my-local-model-b"])(
    "%s is served on /v1/chat/completions, unpriced",
    async (model) => {
      const completion = await harness.client.chat.completions.create({
        model,
        messages: [{ role: "user", content: "hi" }],
      });
      expect(completion.choices[0]!.message.content).toBe(helloFrom("local"));
      expect((local.lastRequest.body as { model: string }).model).toBe(model);
      const metadata = (completion as unknown as { routing_metadata: Record<string, unknown> })
        .routing_metadata;
      expect(metadata["provider"]).toBe("local");
      expect(metadata["cost"]).toBeNull();
      expect(metadata["warnings"]).toContainEqual(expect.objectContaining({ code: "unknown_price" }));
    },
  );

  it("is served on /v1/responses too", async () => {
    const response = await harness.client.responses.create({ model: "my-local-model-b", input: "hi" });
    expect(response.output_text).toBe(helloFrom("local"));
  });
});

describe("a provider whose model list cannot be read", () => {
  it("is reported, and the others' lists are read", () => {
    const byProvider = Object.fromEntries(outcomes.map((outcome) => [outcome.provider, outcome]));
    expect(byProvider["local"]).toEqual({ provider: "local", listed: 2, added: 2 });
    expect(byProvider["broken"]?.error).toContain("models are loading");
    expect(byProvider["openai"]).toEqual({ provider: "openai", listed: 1, added: 0 });
  });

  it("is named in the start-up banner lines", () => {
    const lines = discoveryBannerLines(outcomes);
    expect(lines).toContain("  local: 2 listed, 2 added to the catalog");
    expect(lines.find((line) => line.startsWith("  broken:"))).toMatch(
      /^ {2}broken: not read \(.*models are loading.*\); serving the catalog's models$/,
    );
  });

  it("still serves the catalog's models", async () => {
    const completion = await harness.client.chat.completions.create({
      model: "broken-model",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion.choices[0]!.message.content).toBe(helloFrom("broken"));
  });
});
