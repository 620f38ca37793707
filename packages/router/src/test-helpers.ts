import { GatewayError, type Provider } from "@switchyard/core";
import type { CanonicalModel, Offering, OfferingCapabilities, RequestRequirements } from "./router-types";

/** Every capability on. */
export const ALL_CAPABILITIES: OfferingCapabilities = {
  tools: true,
  parallelTools: true,
  vision: true,
  jsonSchema: true,
  reasoning: false,
  streaming: true,
  logprobs: true,
};

/** A test offering with sensible defaults. */
export function offering(
  provider: string,
  canonicalId: string,
  overrides: Partial<Omit<Offering, "provider" | "canonicalId">> = {},
): Offering {
  return {
    canonicalId,
    provider,
    providerModelId: `${canonicalId}@${provider}`,
    prices: { input: 1, output: 2 },
    contextWindow: 100_000,
    maxOutputTokens: 8_000,
    capabilities: { ...ALL_CAPABILITIES },
    endpoints: ["chat"],
    ...overrides,
  };
}

/** A test canonical model. */
export function model(id: string, offerings: Offering[], aliases: string[] = []): CanonicalModel {
  return { id, ownedBy: "test", aliases, offerings };
}

/** A provider whose methods are never called: the router hands it to the attempt function, which is faked. */
export function fakeProvider(name: string): Provider {
  const unused = () => Promise.reject(new Error(`fake provider '${name}' must not be called`));
  return { name, protocol: "openai-chat", chat: unused, streamChat: unused };
}

/** A clock tests move by hand. */
export function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Requirements of a plain small chat request, with overrides. */
export function requirements(overrides: Partial<RequestRequirements> = {}): RequestRequirements {
  return {
    tools: false,
    parallelTools: false,
    vision: false,
    jsonSchema: false,
    logprobs: false,
    streaming: false,
    estimatedInputTokens: 100,
    ...overrides,
  };
}

/** An upstream error as a provider would throw it. */
export function upstreamError(
  status: number,
  provider: string,
  extra: { retryAfterMs?: number; message?: string } = {},
): GatewayError {
  return new GatewayError({
    status,
    provider,
    message: extra.message ?? `upstream said ${status}`,
    ...(extra.retryAfterMs !== undefined && { retryAfterMs: extra.retryAfterMs }),
  });
}
