import Anthropic from "@anthropic-ai/sdk";
import type { Message, MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { PROVIDER_CASES, type ProviderCase } from "./e2e-providers";
import { CLIENT_KEY, type Harness } from "./gateway-harness";

/** The official Anthropic SDK pointed at the gateway, as Claude Code points at it with `ANTHROPIC_BASE_URL`. */
export function anthropicClient(harness: Harness, apiKey = CLIENT_KEY): Anthropic {
  return new Anthropic({ apiKey, baseURL: harness.url, maxRetries: 0 });
}

/**
 * Sends a Messages request whole (`messages.create`) or streamed through the SDK's stream accumulator
 * (`messages.stream().finalMessage()`, which rejects malformed event sequences).
 */
export async function sendMessage(
  client: Anthropic,
  params: MessageCreateParamsNonStreaming,
  stream: boolean,
): Promise<Message> {
  if (!stream) return client.messages.create(params);
  return client.messages.stream(params).finalMessage();
}

/** The protocol label of each upstream as `/v1/messages` sees it: Anthropic is passed through natively. */
export const MESSAGES_PROVIDER_CASES: (ProviderCase & { native: boolean })[] = PROVIDER_CASES.map(
  (provider) => ({ ...provider, native: provider.provider === "anthropic" }),
);

/** A weather tool in Anthropic's shape. */
export const WEATHER_TOOL = {
  name: "get_weather",
  description: "Weather in a city",
  input_schema: {
    type: "object" as const,
    properties: { city: { type: "string" } },
    required: ["city"],
  },
};

/** Reads a whole SSE response body as text. */
export async function readText(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}
