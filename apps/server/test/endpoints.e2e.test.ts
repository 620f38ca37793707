import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { CLIENT_KEY, startHarness, useSharedHarness } from "./gateway-harness";
import { postRaw } from "./raw-client";

const harness = useSharedHarness({ file: { modelAliases: { "house-model": "gemini-2.5-flash" } } });

/** GETs a path with the client key, or with no Authorization header when `key` is null. */
const get = async (path: string, key: string | null = CLIENT_KEY) => {
  const response = await fetch(`${harness.url}${path}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
  return {
    response,
    body: response.headers.get("content-type")?.includes("json")
      ? await response.json()
      : await response.text(),
  };
};

describe("catalog endpoints", () => {
  it("lists the models of the configured providers in OpenAI's list shape", async () => {
    const ids: string[] = [];
    for await (const model of harness.client.models.list()) {
      expect(model).toEqual({
        id: model.id,
        object: "model",
        created: expect.any(Number),
        owned_by: expect.any(String),
      });
      ids.push(model.id);
    }
    expect(ids).toEqual(
      expect.arrayContaining(["gpt-4o", "claude-sonnet-4-6", "gemini-2.5-flash", "deepseek-chat", "o3-pro"]),
    );
    // Groq is not configured, so its only model is not listed.
    expect(ids).not.toContain("qwen3-32b");
  });

  it("retrieves a model by an id with a slash, and by an alias", async () => {
    const pinned = await harness.client.models.retrieve("anthropic/claude-sonnet-4-6");
    expect(pinned).toMatchObject({
      id: "anthropic/claude-sonnet-4-6",
      object: "model",
      owned_by: "anthropic",
    });
    const raw = await get("/v1/models/anthropic/claude-sonnet-4-6");
    expect(raw.body).toMatchObject({ id: "anthropic/claude-sonnet-4-6" });
    const alias = await get("/v1/models/gpt-4o-2024-08-06");
    expect(alias.body).toMatchObject({ id: "gpt-4o-2024-08-06", owned_by: "openai" });
    const unserved = await get("/v1/models/qwen3-32b");
    expect(unserved.response.status).toBe(404);
  });

  // Every model is served on every endpoint (translated where the upstream lacks it), so each filter keeps
  // the whole list: the Responses-only models included on Chat and Messages.
  it.each(["responses", "chat_completions", "messages"])(
    "filter /v1/models and the directory by ?endpoint=%s",
    async (endpoint) => {
      const all = await harness.client.models.list();
      const filtered = await harness.client.models.list({ query: { endpoint } });
      const ids = filtered.data.map((model) => model.id);
      expect(ids).toEqual(all.data.map((model) => model.id));
      expect(ids).toEqual(expect.arrayContaining(["o3-pro", "gpt-5.5-pro", "claude-sonnet-4-6"]));
      const path = `/v1/${endpoint === "chat_completions" ? "chat/completions" : endpoint}`;
      const directory = await get(`/v1/directory/models?endpoint=${endpoint}`);
      const offerings = directory.body.data.flatMap(
        (model: { providers: { supported_endpoints: string[] }[] }) => model.providers,
      );
      expect(offerings.length).toBeGreaterThan(0);
      for (const offering of offerings) expect(offering.supported_endpoints).toContain(path);
    },
  );

  it.each(["/v1/models?endpoint=embeddings", "/v1/directory/models?endpoint="])(
    "refuse an unknown endpoint filter (%s) with a 400 naming it",
    async (path) => {
      const answer = await get(path);
      expect(answer.response.status).toBe(400);
      expect(answer.body.error).toMatchObject({ param: "endpoint", type: "invalid_request_error" });
      expect(answer.body.error.message).toContain("chat_completions, responses, messages");
    },
  );

  it("describes providers, canonical models and the directory", async () => {
    const providers = await get("/v1/registry/providers");
    expect(providers.body.data.map((provider: { id: string }) => provider.id)).toEqual([
      "openai",
      "anthropic",
      "google",
      "deepseek",
    ]);
    expect(providers.body.data[0]).toMatchObject({
      protocol: "openai-chat",
      native_responses: true,
      api_keys: 1,
    });
    expect(JSON.stringify(providers.body)).not.toContain("sk-openai-upstream");

    const models = await get("/v1/registry/models");
    expect(models.body.data).toContainEqual(
      expect.objectContaining({
        id: "llama-3.3-70b-instruct",
        providers: ["groq", "together", "fireworks"],
        available: false,
      }),
    );

    const directory = await get("/v1/directory/models");
    const o3pro = directory.body.data.find((model: { id: string }) => model.id === "o3-pro");
    expect(o3pro.providers[0]).toMatchObject({
      provider: "openai",
      available: true,
      supported_endpoints: ["/v1/chat/completions", "/v1/responses", "/v1/messages"],
      native_endpoints: ["/v1/responses"],
      pricing: { input: expect.any(Number), output: expect.any(Number) },
      context_window: expect.any(Number),
      capabilities: expect.objectContaining({ reasoning: true }),
    });
  });

  it("reports the caller's identity without the key", async () => {
    const me = await get("/v1/me");
    expect(me.body).toEqual({
      object: "api_key",
      id: expect.stringMatching(/^key_/),
      name: "env-key-1",
      authenticated: true,
    });
    expect(JSON.stringify(me.body)).not.toContain(CLIENT_KEY);
    expect((await get("/v1/me", null)).response.status).toBe(401);
  });

  it("serves /health without a key", async () => {
    const health = await get("/health", null);
    expect(health.response.status).toBe(200);
    expect(health.body).toMatchObject({
      status: "ok",
      providers: ["openai", "anthropic", "google", "deepseek"],
    });
  });
});

describe("answers", () => {
  it("carry x-request-id and the routing headers", async () => {
    const { data, response } = await harness.client.chat.completions
      .create({ model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] })
      .withResponse();
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    expect(response.headers.get("x-switchyard-provider")).toBe("anthropic");
    expect(response.headers.get("x-switchyard-model")).toBe("claude-sonnet-4-6");
    const cost = Number(response.headers.get("x-switchyard-cost-usd"));
    expect(cost).toBeGreaterThan(0);
    expect(
      (data as unknown as { routing_metadata: { cost: { usd: number } } }).routing_metadata.cost.usd,
    ).toBe(cost);
  });

  it("send the offering's provider model id upstream, for an alias and for a mapped model name", async () => {
    // `claude-sonnet-4` is an alias the gateway invents: rewritten to Anthropic's `claude-sonnet-4-0`
    await harness.client.chat.completions.create({
      model: "claude-sonnet-4",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(harness.fakes.anthropic.lastRequest.body).toMatchObject({ model: "claude-sonnet-4-0" });
    const completion = await harness.client.chat.completions.create({
      model: "house-model",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion.choices[0]!.message.content).toBe(helloFrom("gemini"));
    expect(harness.fakes.gemini.lastRequest.url).toContain("/models/gemini-2.5-flash:generateContent");
  });

  it("serve a Responses-only model on /v1/chat/completions through the Responses API", async () => {
    const completion = await harness.client.chat.completions.create({
      model: "o3-pro",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(completion.choices[0]!.message.content).toBe(helloFrom("openai-responses"));
    expect(harness.fakes.openai.lastRequest.url).toBe("/v1/responses");
    expect(harness.fakes.openai.lastRequest.body).toMatchObject({ model: "o3-pro" });
  });

  // o3-pro and the gpt-5.x pro models do not stream upstream: the gateway streams their whole answer.
  it.each(["o3-pro", "gpt-5.5-pro"])("stream %s on /v1/chat/completions", async (model) => {
    const runner = harness.client.chat.completions.stream({
      model,
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of runner) chunks.push(chunk);
    const completion = await runner.finalChatCompletion();
    expect(completion.choices[0]!.message.content).toBe(helloFrom("openai-responses"));
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(harness.fakes.openai.lastRequest.url).toBe("/v1/responses");
    expect(harness.fakes.openai.lastRequest.body).toMatchObject({ model });
    expect(harness.fakes.openai.lastRequest.body).not.toHaveProperty("stream");
    const final = chunks.at(-1) as (typeof chunks)[number] & {
      routing_metadata?: { model_canonical: string; warnings?: { code: string }[] };
    };
    expect(final.usage).toMatchObject({ prompt_tokens: 12 });
    expect(final.routing_metadata?.model_canonical).toBe(model);
    expect(final.routing_metadata?.warnings?.map((warning) => warning.code)).toContain("stream");
  });

  // The contract: "The final chunk has choices: [] (empty) and contains usage and routing_metadata".
  it.each([
    { name: "include_usage: true", streamOptions: { include_usage: true } },
    { name: "include_usage: false", streamOptions: { include_usage: false } },
    { name: "no stream_options", streamOptions: undefined },
  ])("put usage and routing_metadata on the final chunk with $name", async ({ streamOptions }) => {
    const stream = await harness.client.chat.completions.create({
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      ...(streamOptions === undefined ? {} : { stream_options: streamOptions }),
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const final = chunks.at(-1) as (typeof chunks)[number] & { routing_metadata?: { provider: string } };
    expect(final.choices).toEqual([]);
    expect(final.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
    expect(final.routing_metadata?.provider).toBe("google");
    // No other chunk carries usage.
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage == null)).toBe(true);
  });

  // The cost needs the usage, which a stream reports at its end: documented in the server README.
  it.each([
    { path: "/v1/chat/completions", body: { messages: [{ role: "user", content: "hi" }] } },
    { path: "/v1/responses", body: { input: "hi" } },
  ])("carry a stream's cost in its final event, not in x-switchyard-cost-usd ($path)", async (request) => {
    const answer = await postRaw(harness.url, request.path, {
      model: "claude-sonnet-4-6",
      stream: true,
      ...request.body,
    });
    expect(answer.headers.get("x-switchyard-provider")).toBe("anthropic");
    expect(answer.headers.has("x-switchyard-cost-usd")).toBe(false);
    const last = answer.events.filter((event) => event.data !== "[DONE]").at(-1)!;
    const parsed = JSON.parse(last.data) as {
      routing_metadata?: { cost?: { usd: number } };
      response?: { routing_metadata?: { cost?: { usd: number } } };
    };
    const metadata = parsed.routing_metadata ?? parsed.response?.routing_metadata;
    expect(metadata?.cost?.usd).toBeGreaterThan(0);
  });

  it("send each SSE frame LF-only and end a Chat stream with data: [DONE]", async () => {
    const response = await fetch(`${harness.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${CLIENT_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "deepseek-chat",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      }),
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("x-switchyard-provider")).toBe("deepseek");
    const text = await response.text();
    expect(text).not.toContain("\r");
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    for (const frame of text.split("\n\n").filter((part) => part !== "")) expect(frame).toMatch(/^data: /);
  });

  it("strip gateway.metadata before the upstream call and record it on the log line", async () => {
    const metadata = {
      tags: ["e2e"],
      user_id: "user_1",
      trace_id: "trace_1",
      custom_fields: { team: "gateway" },
    };
    await harness.client.chat.completions.create({
      model: "deepseek-chat",
      messages: [{ role: "user", content: "a private prompt" }],
      gateway: { metadata },
    } as never);
    expect(harness.fakes.deepseek.lastRequest.body).not.toHaveProperty("gateway");
    const line = harness.logLines.find(
      (entry) => entry["msg"] === "request" && entry["path"] === "/v1/chat/completions",
    );
    expect(line).toMatchObject({
      request_id: expect.stringMatching(/^req_/),
      status: 200,
      model: "deepseek-chat",
      provider: "deepseek",
      metadata,
      tokens: { input: 12, output: 7 },
      cost_usd: expect.any(Number),
      client: expect.stringMatching(/^key_/),
    });
    expect(JSON.stringify(harness.logLines)).not.toContain("a private prompt");
  });

  it("count requests, errors, time to first token, tokens and cost in /metrics", async () => {
    const stream = await harness.client.chat.completions.create({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    for await (const _chunk of stream) {
      // drain
    }
    await fetch(`${harness.url}/v1/chat/completions`, { method: "POST", body: "{" });
    const metrics = await get("/metrics", null);
    const text = metrics.body as string;
    expect(metrics.response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /switchyard_requests_total\{route="\/v1\/chat\/completions",status="200",provider="anthropic",model="claude-sonnet-4-6"\} \d+/,
    );
    expect(text).toMatch(
      /switchyard_errors_total\{route="\/v1\/chat\/completions",code="missing_api_key",provider="",model=""\} 1/,
    );
    expect(text).toMatch(
      /switchyard_time_to_first_token_seconds_count\{provider="anthropic",model="claude-sonnet-4-6"\} [1-9]/,
    );
    expect(text).toMatch(
      /switchyard_request_duration_seconds_bucket\{le="[^"]+",route="\/v1\/chat\/completions",provider="anthropic",model="claude-sonnet-4-6"\}/,
    );
    expect(text).toMatch(
      /switchyard_tokens_total\{provider="anthropic",model="claude-sonnet-4-6",kind="output"\} [1-9]/,
    );
    expect(text).toMatch(/switchyard_cost_usd_total\{provider="anthropic",model="claude-sonnet-4-6"\} \d/);
    // The process and runtime metrics an operator watches beside them.
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });
});

describe("content logging", () => {
  it("logs prompts and completions only when the operator turns it on", async () => {
    const logging = await startHarness({ env: { SWITCHYARD_LOG_CONTENT: "true" } });
    try {
      const stream = await logging.client.chat.completions.create({
        model: "deepseek-chat",
        messages: [{ role: "user", content: "a logged prompt" }],
        stream: true,
      });
      for await (const _chunk of stream) {
        // drain
      }
      const line = logging.logLines.find((entry) => entry["msg"] === "request");
      expect(line).toMatchObject({
        prompt: [{ role: "user", content: "a logged prompt" }],
        completion: helloFrom("deepseek"),
      });
    } finally {
      await logging.stop();
    }
  });
});
