import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { TransportRequest } from "@switchyard/core";
import {
  builtInProviderDefinitions,
  createGateway,
  createProviderRegistry,
  loadConfig,
  type SwitchyardServer,
} from "@switchyard/server";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acmeProviderDefinition } from "./acme-provider-definition";
import { acmeUpstreamFake } from "./acme-upstream-fake";

// The acceptance of the guide: a provider package the server has never heard of, registered beside the
// built-in ones, configured like them (ACME_API_KEY, ACME_BASE_URL) and served on the OpenAI endpoints.

const scenario = {
  text: "Hello from Acme.",
  usage: { inputTokens: 4, outputTokens: 3 },
  finish: "stop" as const,
};
const seen: { key: string | undefined; body: Record<string, unknown> }[] = [];
let upstreamUrl = "";
let gateway: SwitchyardServer;
let client: OpenAI;

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

const acmeServer = createHttpServer(async (request, response) => {
  const text = await bodyOf(request);
  const body = JSON.parse(text) as Record<string, unknown>;
  const key = request.headers["acme-key"];
  seen.push({ key: typeof key === "string" ? key : undefined, body });
  const asTransport: TransportRequest = { method: "POST", url: request.url ?? "", headers: {}, body: text };
  const answer =
    body["stream"] === true
      ? acmeUpstreamFake.stream(scenario, asTransport)
      : acmeUpstreamFake.whole(scenario, asTransport);
  response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  response.end(answer.body);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => acmeServer.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(acmeServer.address() as AddressInfo).port}`;
  const providerRegistry = createProviderRegistry([...builtInProviderDefinitions, acmeProviderDefinition]);
  const catalog = {
    models: [
      {
        id: "acme-1",
        offerings: [
          {
            provider: "acme",
            providerModelId: "acme-1",
            prices: { input: 1, output: 2 },
            contextWindow: 8192,
            maxOutputTokens: 1024,
            capabilities: { streaming: true },
            endpoints: ["chat"],
          },
        ],
      },
    ],
  };
  const config = loadConfig(
    {
      env: {
        ACME_API_KEY: "acme-secret-key",
        ACME_BASE_URL: upstreamUrl,
        SWITCHYARD_API_KEYS: "ak_acme_client",
      },
      argv: ["--config", "acme.json"],
      readFile: () => JSON.stringify({ catalog }),
    },
    providerRegistry,
  );
  gateway = createGateway({ config, providerRegistry });
  const { url } = await gateway.listen(0, "127.0.0.1");
  client = new OpenAI({ apiKey: "ak_acme_client", baseURL: `${url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => acmeServer.close(resolve));
});

describe("a provider package added through the registry", () => {
  it("is configured from its own environment variables", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain("acme-1");
  });

  it("serves Chat Completions, whole", async () => {
    const completion = await client.chat.completions.create({
      model: "acme-1",
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(completion.choices[0]?.message.content).toBe("Hello from Acme.");
    expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
    const last = seen.at(-1);
    expect(last?.key).toBe("acme-secret-key");
    expect(last?.body).toEqual({ model: "acme-1", turns: [{ speaker: "user", text: "Hi" }] });
  });

  it("serves Chat Completions, streamed", async () => {
    const stream = await client.chat.completions.create({
      model: "acme-1",
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello from Acme.");
  });

  it("serves the Responses API through the hub", async () => {
    const response = await client.responses.create({ model: "acme-1", input: "Hi", store: false });
    expect(response.output_text).toBe("Hello from Acme.");
    expect(seen.at(-1)?.body["turns"]).toEqual([{ speaker: "user", text: "Hi" }]);
  });
});
