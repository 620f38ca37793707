import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandomIdGenerator, createSequentialIdGenerator } from "@switchyard/core";
import OpenAI from "openai";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { loadConfig, type ServerConfig } from "../src/config/config";
import { createGateway, type GatewayServer } from "../src/create-gateway";
import { anthropicResponder } from "./fakes/anthropic-fake";
import { type FakeHandler, FakeUpstream } from "./fakes/fake-upstream";
import { geminiResponder } from "./fakes/gemini-fake";
import { anthropicModelList, geminiModelList, openAIModelList, withModelList } from "./fakes/model-list-fake";
import { openAIChatResponder } from "./fakes/openai-chat-fake";
import { openAIResponsesResponder } from "./fakes/openai-responses-fake";

/** The client key the harness configures. */
export const CLIENT_KEY = "ak_test_key";

/** The loopback fake upstreams, one per provider, covering the four upstream protocols. */
export interface Fakes {
  /** OpenAI: Chat Completions at `/v1/chat/completions`, Responses at `/v1/responses`. */
  openai: FakeUpstream;
  /** DeepSeek: OpenAI Chat Completions at `/chat/completions`. */
  deepseek: FakeUpstream;
  anthropic: FakeUpstream;
  gemini: FakeUpstream;
}

/** A running gateway in front of the fakes, with an OpenAI SDK client pointed at it. */
export interface Harness {
  fakes: Fakes;
  server: GatewayServer;
  config: ServerConfig;
  /** `http://127.0.0.1:<port>` of the gateway. */
  url: string;
  client: OpenAI;
  /** Request log lines the gateway wrote. */
  logLines: Record<string, unknown>[];
  /** Forgets recorded requests, scripts and log lines between tests. */
  reset(): void;
  stop(): Promise<void>;
}

const openAIResponder: FakeHandler = (request, response, incoming) =>
  request.url.endsWith("/responses")
    ? openAIResponsesResponder(request, response, incoming)
    : openAIChatResponder("openai-chat")(request, response, incoming);

/** How the harness configures the gateway: environment variables on top of its own, and a config file. */
export interface HarnessOptions {
  env?: Record<string, string>;
  file?: unknown;
  /** The gateway's clock (the router's rests, back-offs and cooldowns run on it); the system clock when absent. */
  clock?: () => number;
  /**
   * The data directory of the response store; a fresh temporary one (removed at `stop`) when absent. A
   * test that restarts a gateway on the same data passes its own, with `randomIds` (sequential ids start
   * again at 1 in every gateway).
   */
  dataDir?: string;
  randomIds?: boolean;
  /** Lease length of background responses, in ms. */
  leaseMs?: number;
}

/** Starts the fakes and a gateway configured through its environment variables and a config file. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fakes: Fakes = {
    // Each also answers its model list with models the catalog has, so start-up discovery adds nothing.
    openai: await new FakeUpstream(
      "openai",
      withModelList(openAIModelList(["gpt-4o"]), openAIResponder),
    ).start(),
    deepseek: await new FakeUpstream(
      "deepseek",
      withModelList(openAIModelList(["deepseek-reasoner"]), openAIChatResponder("deepseek")),
    ).start(),
    anthropic: await new FakeUpstream(
      "anthropic",
      withModelList(anthropicModelList(["claude-sonnet-4-5-20250929"]), anthropicResponder),
    ).start(),
    gemini: await new FakeUpstream(
      "gemini",
      withModelList(geminiModelList(["gemini-2.0-flash"]), geminiResponder),
    ).start(),
  };
  const ownDataDir =
    options.dataDir === undefined ? mkdtempSync(join(tmpdir(), "switchyard-e2e-")) : undefined;
  const config = loadConfig({
    env: {
      SWITCHYARD_API_KEYS: CLIENT_KEY,
      SWITCHYARD_DATA_DIR: options.dataDir ?? ownDataDir!,
      OPENAI_API_KEY: "sk-openai-upstream",
      OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
      ANTHROPIC_API_KEY: "sk-ant-upstream",
      ANTHROPIC_BASE_URL: fakes.anthropic.url,
      GEMINI_API_KEY: "gemini-upstream",
      GEMINI_BASE_URL: fakes.gemini.url,
      DEEPSEEK_API_KEY: "sk-deepseek-upstream",
      DEEPSEEK_BASE_URL: fakes.deepseek.url,
      HOST: "127.0.0.1",
      ...options.env,
    },
    ...(options.file === undefined
      ? {}
      : { argv: ["--config", "harness.json"], readFile: () => JSON.stringify(options.file) }),
  });
  const logLines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => logLines.push(JSON.parse(line)) });
  const server = createGateway({
    config,
    logger,
    ids: options.randomIds ? createRandomIdGenerator() : createSequentialIdGenerator(),
    random: () => 0,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const { url } = await server.listen(0, "127.0.0.1");
  // Start-up discovery reads the fakes' model lists; tests start once it is done, with nothing recorded.
  await server.modelDiscovery();
  for (const fake of Object.values(fakes)) fake.reset();
  const client = new OpenAI({ apiKey: CLIENT_KEY, baseURL: `${url}/v1`, maxRetries: 0 });
  return {
    fakes,
    server,
    config,
    url,
    client,
    logLines,
    reset() {
      for (const fake of Object.values(fakes)) fake.reset();
      logLines.length = 0;
    },
    async stop() {
      await server.close(1000);
      await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
      if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One gateway for every test of the calling file: started before the first test, reset before each and
 * stopped after the last. The returned harness may be used inside tests and hooks only.
 */
export function useSharedHarness(options: HarnessOptions = {}): Harness {
  let current: Harness | undefined;
  const started = (): Harness => {
    if (current === undefined)
      throw new Error("The shared harness starts in beforeAll; use it inside a test.");
    return current;
  };
  beforeAll(async () => {
    current = await startHarness(options);
  });
  afterAll(() => started().stop());
  beforeEach(() => started().reset());
  return {
    get fakes() {
      return started().fakes;
    },
    get server() {
      return started().server;
    },
    get config() {
      return started().config;
    },
    get url() {
      return started().url;
    },
    get client() {
      return started().client;
    },
    get logLines() {
      return started().logLines;
    },
    reset: () => started().reset(),
    stop: () => started().stop(),
  };
}
