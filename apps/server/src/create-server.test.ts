import { readFileSync } from "node:fs";
import { type ChatCompletionChunk, GatewayError, type Provider } from "@switchyard/core";
import { builtInModels, createRouter, type ProviderRegistration } from "@switchyard/router";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config/config";
import { createGateway } from "./create-gateway";
import { createServer, type SwitchyardServer } from "./create-server";
import { sendJson } from "./send-json";

const unused = async (): Promise<never> => {
  throw new Error("not used by this test");
};

/** A fake provider: only the methods a test sets do anything. */
const fakeProvider = (name: string, methods: Partial<Provider>): Provider => ({
  name,
  protocol: "openai-chat",
  chat: unused,
  streamChat: unused,
  ...methods,
});

let running: SwitchyardServer | undefined;
afterEach(async () => {
  await running?.close(100);
  running = undefined;
});

async function serve(
  providers: ProviderRegistration[],
  extra?: Parameters<typeof createServer>[0]["routes"],
) {
  // These tests are about HTTP handling; storing is off so nothing touches a database.
  const config = loadConfig({ env: { SWITCHYARD_STORE: "false" } });
  const router = createRouter({ models: builtInModels(), providers, random: () => 0 });
  running = createServer({
    config,
    router,
    providers,
    logger: pino({ level: "silent" }),
    ...(extra === undefined ? {} : { routes: extra }),
  });
  const { url } = await running.listen(0, "127.0.0.1");
  return url;
}

const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("createServer with fake providers", () => {
  it("answers an untyped provider failure with a 500 that leaks nothing", async () => {
    const provider = fakeProvider("anthropic", {
      chat: async () => {
        throw new Error("internal detail: token=abc");
      },
    });
    const url = await serve([{ provider, apiKeys: ["fake-upstream-key"] }]);
    const response = await post(url, "/v1/chat/completions", {
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ error: { type: "api_error", code: "internal_error" } });
    expect(body).not.toContain("token=abc");
  });

  it("passes a non-retryable upstream error through with its status", async () => {
    const provider = fakeProvider("anthropic", {
      chat: async () => {
        throw new GatewayError({
          status: 400,
          message: "max_tokens is too large",
          param: "max_tokens",
          provider: "anthropic",
        });
      },
    });
    const url = await serve([{ provider, apiKeys: ["fake-upstream-key"] }]);
    const response = await post(url, "/v1/chat/completions", {
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "max_tokens is too large",
        type: "invalid_request_error",
        param: "max_tokens",
        code: null,
      },
    });
  });

  it("turns a native Responses answer with an error status into that error", async () => {
    const provider = fakeProvider("openai", {
      native: {
        passthrough: {
          "openai-responses": async () => ({
            status: 404,
            headers: {},
            body: (async function* () {
              yield new TextEncoder().encode(
                JSON.stringify({ error: { message: "No such response", code: "not_found" } }),
              );
            })(),
          }),
        },
      },
    });
    const url = await serve([{ provider, apiKeys: ["fake-upstream-key"] }]);
    const response = await post(url, "/v1/responses", { model: "gpt-4o", input: "hi" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: "No such response", code: "not_found" },
    });
  });

  it("ends an upstream stream that sent no chunk with a routing chunk and [DONE]", async () => {
    const provider = fakeProvider("google", {
      streamChat: async () => ({
        chunks: (async function* (): AsyncGenerator<ChatCompletionChunk> {})(),
        warnings: [],
      }),
    });
    const url = await serve([{ provider, apiKeys: ["fake-upstream-key"] }]);
    const response = await post(url, "/v1/chat/completions", {
      model: "gemini-2.5-flash",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const frames = (await response.text()).split("\n\n").filter((frame) => frame !== "");
    expect(frames).toHaveLength(2);
    expect(JSON.parse(frames[0]!.slice("data: ".length))).toMatchObject({
      object: "chat.completion.chunk",
      choices: [],
      routing_metadata: { provider: "google" },
    });
    expect(frames[1]).toBe("data: [DONE]");
  });

  it("plugs in extra route modules without touching the built-in ones", async () => {
    const url = await serve([], () => [
      {
        method: "POST",
        path: "/v1/embeddings",
        authenticated: true,
        handle: async (context) => sendJson(context.response, 200, { object: "list", routed: context.path }),
      },
    ]);
    const response = await post(url, "/v1/embeddings", {});
    expect(await response.json()).toEqual({ object: "list", routed: "/v1/embeddings" });
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe("createGateway", () => {
  it("accepts the config file example of the README", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = /```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = loadConfig({ env: {}, argv: ["--config", "example.json"], readFile: () => example });
    expect(config.providers.map((provider) => provider.name)).toEqual([
      "openai",
      "anthropic",
      "groq",
      "local",
    ]);
    running = createGateway({ config, logger: pino({ level: "silent" }) });
    const models = running.services.router.models().map((model) => model.id);
    expect(models).toContain("my-llama");
    expect(models).not.toContain("gpt-4.1");
    expect(running.services.router.resolve("local/my-llama").offerings[0]!.provider).toBe("local");
  });

  it("rejects a bad catalog section with an error naming the key", () => {
    const config = {
      ...loadConfig({ env: {} }),
      catalog: { models: [{ id: "x", offerings: [{ provider: "p", contextWindw: 1 }] }] },
    };
    expect(() => createGateway({ config })).toThrow(ConfigError);
    expect(() => createGateway({ config })).toThrow(/catalog\.models\[0\]\.offerings\[0\]/);
  });

  it("rejects an unknown openai-compatible preset", () => {
    const config = loadConfig({
      env: {},
      argv: ["--config", "c.json"],
      readFile: () =>
        JSON.stringify({ providers: { local: { preset: "nope", baseUrl: "http://127.0.0.1:1/v1" } } }),
    });
    expect(() => createGateway({ config })).toThrow(/providers\.local\.preset/);
  });
});
