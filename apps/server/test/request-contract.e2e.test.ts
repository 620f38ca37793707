import { APIError } from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

type ChatParams = ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;

/** The SDK's error for a request the gateway refuses. */
async function refusalOf(send: () => Promise<unknown>): Promise<APIError> {
  try {
    await send();
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error("the request was served");
}

const upstreamRequests = () =>
  Object.values(harness.fakes).reduce((count, fake) => count + fake.requests.length, 0);

describe("extensions never set the fields the gateway owns", () => {
  it.each([
    {
      name: "Chat: extensions.anthropic.model on claude-haiku-4-5",
      send: () =>
        harness.client.chat.completions.create({
          model: "claude-haiku-4-5",
          messages: [{ role: "user", content: "hi" }],
          extensions: { anthropic: { model: "claude-opus-4-6" } },
        } as ChatParams),
      param: "extensions.anthropic.model",
    },
    {
      name: "Responses: extensions.openai.model on gpt-4o",
      send: () =>
        harness.client.responses.create({
          model: "gpt-4o",
          input: "hi",
          extensions: { openai: { model: "o3-pro" } },
        } as Parameters<typeof harness.client.responses.create>[0] & { stream?: false }),
      param: "extensions.openai.model",
    },
    {
      name: "Chat: extensions.deepseek.messages",
      send: () =>
        harness.client.chat.completions.create({
          model: "deepseek-chat",
          messages: [{ role: "user", content: "hi" }],
          extensions: { deepseek: { messages: [{ role: "user", content: "other" }] } },
        } as ChatParams),
      param: "extensions.deepseek.messages",
    },
  ])("$name is a 400 naming the key, and nothing goes upstream", async ({ send, param }) => {
    const error = await refusalOf(send);
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
    expect(upstreamRequests()).toBe(0);
  });

  it("forwards an extension field the gateway does not own", async () => {
    await harness.client.chat.completions.create({
      model: "claude-haiku-4-5",
      messages: [{ role: "user", content: "hi" }],
      extensions: { anthropic: { inference_geo: "us" } },
    } as ChatParams);
    expect(harness.fakes.anthropic.lastRequest.body).toMatchObject({
      model: expect.stringContaining("claude-haiku-4-5"),
      inference_geo: "us",
    });
  });
});

describe("top-level models[] and routing on Chat", () => {
  it("route like gateway.models and gateway.routing and never go upstream", async () => {
    const completion = (await harness.client.chat.completions.create({
      models: ["deepseek-chat", "gpt-4o"],
      routing: { providers: ["openai"] },
      messages: [{ role: "user", content: "Say hello" }],
    } as unknown as ChatParams)) as ChatCompletion & {
      routing_metadata: { provider: string; model_canonical: string };
    };
    expect(completion.routing_metadata).toMatchObject({ provider: "openai", model_canonical: "gpt-4o" });
    expect(completion.choices[0]!.message.content).toBe(helloFrom("openai-chat"));
    const sent = harness.fakes.openai.lastRequest.body as Record<string, unknown>;
    expect(sent).not.toHaveProperty("models");
    expect(sent).not.toHaveProperty("routing");
    expect(sent).not.toHaveProperty("gateway");
    expect(harness.fakes.deepseek.requests).toHaveLength(0);
  });

  it.each([
    {
      name: "models and gateway.models",
      extra: { models: ["gpt-4o"], gateway: { models: ["gpt-4o"] } },
      param: "models",
    },
    {
      name: "routing and gateway.routing",
      extra: { model: "gpt-4o", routing: { optimize: "cost" }, gateway: { routing: { optimize: "cost" } } },
      param: "routing",
    },
  ])("a request giving both forms ($name) is a 400", async ({ extra, param }) => {
    const error = await refusalOf(() =>
      harness.client.chat.completions.create({
        messages: [{ role: "user", content: "hi" }],
        ...extra,
      } as unknown as ChatParams),
    );
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(upstreamRequests()).toBe(0);
  });
});

describe("n", () => {
  it("is refused above the documented 10", async () => {
    const error = await refusalOf(() =>
      harness.client.chat.completions.create({
        model: "gpt-4o",
        messages: [{ role: "user", content: "hi" }],
        n: 11,
      }),
    );
    expect(error.status).toBe(400);
    expect(error.param).toBe("n");
    expect(upstreamRequests()).toBe(0);
  });
});

describe("reasoning_effort", () => {
  // gpt-5 takes minimal..high: xhigh is lowered like max, with a warning, rather than sent to be refused.
  it.each([
    { model: "gpt-5", requested: "xhigh", sent: "high" },
    { model: "gpt-5-mini", requested: "max", sent: "high" },
    { model: "gpt-5.1", requested: "minimal", sent: "low" },
  ])("$requested on $model is sent as $sent, with a warning", async ({ model, requested, sent }) => {
    const completion = (await harness.client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "hi" }],
      reasoning_effort: requested,
    } as ChatParams)) as ChatCompletion & { routing_metadata: { warnings?: { code: string }[] } };
    expect(harness.fakes.openai.lastRequest.body).toMatchObject({ reasoning_effort: sent });
    expect(completion.routing_metadata.warnings?.map((warning) => warning.code)).toContain(
      "reasoning_effort",
    );
  });
});

describe("one rule for parameters a model cannot honour: a warning, never a 400", () => {
  it.each([
    { model: "claude-sonnet-4-6", fake: "anthropic" as const },
    { model: "gemini-2.5-flash", fake: "gemini" as const },
  ])("logprobs on $model is served and named in the warnings", async ({ model, fake }) => {
    const completion = (await harness.client.chat.completions.create({
      model,
      messages: [{ role: "user", content: "hi" }],
      logprobs: true,
      top_logprobs: 2,
    })) as ChatCompletion & { routing_metadata: { warnings?: { type: string; code: string }[] } };
    expect(completion.choices[0]!.message.content).toBeTruthy();
    expect(completion.routing_metadata.warnings).toContainEqual(
      expect.objectContaining({ type: "unsupported_parameter", code: "logprobs" }),
    );
    expect(JSON.stringify(harness.fakes[fake].lastRequest.body)).not.toMatch(/logprobs/i);
  });

  it("prefers, among the candidates, a model that returns logprobs", async () => {
    const completion = (await harness.client.chat.completions.create({
      messages: [{ role: "user", content: "hi" }],
      logprobs: true,
      gateway: { models: ["claude-sonnet-4-6", "gpt-4o"] },
    } as unknown as ChatParams)) as ChatCompletion & { routing_metadata: { provider: string } };
    expect(completion.routing_metadata.provider).toBe("openai");
    expect(harness.fakes.openai.lastRequest.body).toMatchObject({ logprobs: true });
  });
});
