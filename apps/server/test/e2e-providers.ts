import type { Fakes } from "./gateway-harness";

/** One provider as the end-to-end tests drive it. */
export interface ProviderCase {
  provider: string;
  /** The fake that serves it. */
  fake: keyof Fakes;
  model: string;
  /** A reasoning model of the same provider. */
  reasoningModel: string;
  /** The protocol label its fake answers with on each endpoint (the hello text names it). */
  chatProtocol: string;
  responsesProtocol: string;
  /** Whether the model takes JSON schemas (DeepSeek's are served through JSON mode with the schema in the prompt). */
  jsonSchema: boolean;
}

/** Every provider the gateway ships, behind the fakes of its upstream protocol. */
export const PROVIDER_CASES: ProviderCase[] = [
  {
    provider: "openai",
    fake: "openai",
    model: "gpt-4o",
    reasoningModel: "gpt-5",
    chatProtocol: "openai-chat",
    // `/v1/responses` on OpenAI is a native passthrough to the upstream's own Responses API.
    responsesProtocol: "openai-responses",
    jsonSchema: true,
  },
  {
    provider: "anthropic",
    fake: "anthropic",
    model: "claude-sonnet-4-6",
    reasoningModel: "claude-sonnet-4-6",
    chatProtocol: "anthropic",
    responsesProtocol: "anthropic",
    jsonSchema: true,
  },
  {
    provider: "google",
    fake: "gemini",
    model: "gemini-2.5-flash",
    reasoningModel: "gemini-2.5-flash",
    chatProtocol: "gemini",
    responsesProtocol: "gemini",
    jsonSchema: true,
  },
  {
    provider: "deepseek",
    fake: "deepseek",
    model: "deepseek-chat",
    reasoningModel: "deepseek-v4-pro",
    chatProtocol: "deepseek",
    responsesProtocol: "deepseek",
    jsonSchema: true,
  },
];

/** The JSON schema of the structured-output cases. */
export const WEATHER_SCHEMA = {
  type: "object",
  properties: { city: { type: "string" }, temperature_c: { type: "number" } },
  required: ["city", "temperature_c"],
  additionalProperties: false,
};

/** The tool parameters of the tool cases. */
export const WEATHER_PARAMETERS = {
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
  additionalProperties: false,
};

/** What the fake tool returns in the two-turn loops. */
export const TOOL_OUTPUT = "sunny, 21 C";
