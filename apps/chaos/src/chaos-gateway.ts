import { createGateway, loadConfig, type SwitchyardServer } from "@switchyard/server";
import {
  anthropicResponder,
  type FakeHandler,
  FakeUpstream,
  geminiResponder,
  openAIChatResponder,
  openAIResponsesResponder,
} from "@switchyard/server/testing";
import { pino } from "pino";

/** The client key the chaos gateway accepts. */
export const CHAOS_CLIENT_KEY = "ak_chaos";

/** The upstream keys the gateway is configured with: none may appear in any answer. */
export const UPSTREAM_KEYS = {
  openai: "sk-chaos-openai-upstream-key",
  anthropic: "sk-ant-chaos-upstream-key",
  gemini: "chaos-gemini-upstream-key",
  deepseek: "sk-chaos-deepseek-upstream-key",
} as const;

/** One loopback fake per upstream protocol. */
export interface ChaosFakes {
  openai: FakeUpstream;
  anthropic: FakeUpstream;
  gemini: FakeUpstream;
  deepseek: FakeUpstream;
}

const openAIResponder: FakeHandler = (request, response, incoming) =>
  request.url.endsWith("/responses")
    ? openAIResponsesResponder(request, response, incoming)
    : openAIChatResponder("openai-chat")(request, response, incoming);

/** Starts the four fakes. */
export async function startFakes(): Promise<ChaosFakes> {
  return {
    openai: await new FakeUpstream("openai", openAIResponder).start(),
    anthropic: await new FakeUpstream("anthropic", anthropicResponder).start(),
    gemini: await new FakeUpstream("gemini", geminiResponder).start(),
    deepseek: await new FakeUpstream("deepseek", openAIChatResponder("deepseek")).start(),
  };
}

/**
 * The limits of the chaos gateway: the defaults scaled down (the same relations: a per-attempt limit well
 * inside the budget), so a run of hundreds of faults takes a minute, not an hour.
 */
export const CHAOS_LIMITS = {
  SWITCHYARD_FIRST_BYTE_TIMEOUT_MS: "500",
  SWITCHYARD_WHOLE_ANSWER_TIMEOUT_MS: "1000",
  SWITCHYARD_STREAM_IDLE_TIMEOUT_MS: "500",
  SWITCHYARD_BODY_TIMEOUT_MS: "1000",
  SWITCHYARD_UPSTREAM_QUEUE_TIMEOUT_MS: "500",
};

/** A running gateway over the fakes, with its base URL. */
export interface ChaosGateway {
  server: SwitchyardServer;
  url: string;
  stop(): Promise<void>;
}

/** Starts a gateway in this process over the fakes, on a free loopback port, logging nothing. */
export async function startGateway(
  fakes: ChaosFakes,
  env: Record<string, string> = {},
): Promise<ChaosGateway> {
  const config = loadConfig({
    env: {
      SWITCHYARD_API_KEYS: CHAOS_CLIENT_KEY,
      OPENAI_API_KEY: UPSTREAM_KEYS.openai,
      OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
      ANTHROPIC_API_KEY: UPSTREAM_KEYS.anthropic,
      ANTHROPIC_BASE_URL: fakes.anthropic.url,
      GEMINI_API_KEY: UPSTREAM_KEYS.gemini,
      GEMINI_BASE_URL: fakes.gemini.url,
      DEEPSEEK_API_KEY: UPSTREAM_KEYS.deepseek,
      DEEPSEEK_BASE_URL: fakes.deepseek.url,
      HOST: "127.0.0.1",
      ...CHAOS_LIMITS,
      ...env,
    },
  });
  const server = createGateway({ config, logger: pino({ level: "silent" }) });
  const { url } = await server.listen(0, "127.0.0.1");
  return { server, url, stop: () => server.close(200) };
}
