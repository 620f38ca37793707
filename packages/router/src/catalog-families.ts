import type { OfferingCapabilities, OfferingEndpoint } from "./router-types";

/*
 * What the price data does not say about the models it lists: context windows (where it has none), output
 * limits, capabilities and endpoints, by model family. The generated part of the built-in catalog joins these
 * with every chat model of the price snapshot. Sources (the providers' own pages):
 * - OpenAI: https://platform.openai.com/docs/models (one page per model: context window, max output tokens,
 *   endpoints, features). Responses-only models: o1-pro, o3-pro, the gpt-5.x "pro" and "codex" models,
 *   codex-mini-latest, computer-use-preview, the deep-research models. Search-preview and audio models are
 *   Chat Completions only. Reasoning models return no logprobs.
 * - Anthropic: https://docs.claude.com/en/docs/about-claude/models/overview (max output per model; the
 *   context window comes from the price data). Extended thinking from Claude 3.7 Sonnet on. Claude returns
 *   no logprobs. JSON schemas use native structured outputs where the model has them and a stand-in tool
 *   otherwise (the Anthropic provider does both), so `jsonSchema` is true for every Claude model.
 * - Google: https://ai.google.dev/gemini-api/docs/models (input and output token limits; thinking from 2.5).
 * - DeepSeek: https://api-docs.deepseek.com/quick_start/pricing (1M context, 384K maximum output, JSON
 *   output and tool calls, vision on deepseek-flash only). DeepSeek has JSON mode, no JSON schemas:
 *   `jsonSchema` is true because the DeepSeek provider serves them through JSON mode and checks the answer.
 * Families whose newest members the stored pages do not cover yet take the limits of the family's newest
 * documented model; `FAMILY_NOTES` says which.
 */

/** The providers whose built-in catalog is generated from the price snapshot. */
export const GENERATED_PROVIDERS = ["openai", "anthropic", "google", "deepseek"] as const;

type CapabilityName = Exclude<keyof OfferingCapabilities, "streaming">;

/** Capabilities from a list of names; streaming is on unless `noStreaming`. */
export function can(names: CapabilityName[], options: { noStreaming?: boolean } = {}): OfferingCapabilities {
  const has = (name: CapabilityName) => names.includes(name);
  return {
    tools: has("tools"),
    parallelTools: has("parallelTools"),
    vision: has("vision"),
    jsonSchema: has("jsonSchema"),
    reasoning: has("reasoning"),
    streaming: options.noStreaming !== true,
    logprobs: has("logprobs"),
  };
}

export const CHAT_AND_RESPONSES: OfferingEndpoint[] = ["chat", "responses"];
export const CHAT: OfferingEndpoint[] = ["chat"];
export const RESPONSES_ONLY: OfferingEndpoint[] = ["responses"];

const GPT_CLASSIC = can(["tools", "parallelTools", "vision", "jsonSchema", "logprobs"]);
const GPT_REASONING = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);
const GPT_PRO = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"], { noStreaming: true });
const CLAUDE = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);
const CLAUDE_NO_THINKING = can(["tools", "parallelTools", "vision", "jsonSchema"]);
const GEMINI = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);
const GEMINI_NO_THINKING = can(["tools", "parallelTools", "vision", "jsonSchema"]);

/** Limits, capabilities and endpoints of a model family. `contextWindow` applies when the price data has none. */
export interface FamilySpec {
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: OfferingCapabilities;
  endpoints: OfferingEndpoint[];
}

type FamilyRule = [pattern: RegExp, spec: FamilySpec];

const spec = (
  contextWindow: number,
  maxOutputTokens: number,
  capabilities: OfferingCapabilities,
  endpoints: OfferingEndpoint[],
): FamilySpec => ({ contextWindow, maxOutputTokens, capabilities, endpoints });

/** First match wins. */
const FAMILIES: Record<(typeof GENERATED_PROVIDERS)[number], FamilyRule[]> = {
  openai: [
    [/^gpt-5-pro/, spec(400_000, 272_000, GPT_PRO, RESPONSES_ONLY)],
    [/^(gpt-5\.\d+-pro|gpt-6-\w+-pro)/, spec(400_000, 128_000, GPT_PRO, RESPONSES_ONLY)],
    [/^(o1-pro|o3-pro)/, spec(200_000, 100_000, GPT_PRO, RESPONSES_ONLY)],
    [/^gpt-5[.\d]*-codex/, spec(400_000, 128_000, GPT_REASONING, RESPONSES_ONLY)],
    [/^codex-mini/, spec(200_000, 100_000, GPT_REASONING, RESPONSES_ONLY)],
    [/deep-research/, spec(200_000, 100_000, can(["vision", "reasoning"]), RESPONSES_ONLY)],
    [/^computer-use/, spec(8_192, 1_024, can(["tools", "vision"]), RESPONSES_ONLY)],
    [/^o1-mini/, spec(128_000, 65_536, can(["reasoning"]), CHAT_AND_RESPONSES)],
    [/^o1-preview/, spec(128_000, 32_768, can(["reasoning"]), CHAT_AND_RESPONSES)],
    [
      /^o3-mini/,
      spec(200_000, 100_000, can(["tools", "parallelTools", "jsonSchema", "reasoning"]), CHAT_AND_RESPONSES),
    ],
    [/^o\d/, spec(200_000, 100_000, GPT_REASONING, CHAT_AND_RESPONSES)],
    [
      /-chat-latest$/,
      spec(128_000, 16_384, can(["tools", "parallelTools", "vision", "jsonSchema"]), CHAT_AND_RESPONSES),
    ],
    [/^gpt-5\.3$/, spec(128_000, 16_384, GPT_REASONING, CHAT_AND_RESPONSES)],
    [/^(gpt-5|gpt-6|gpt-chat-latest)/, spec(400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES)],
    [/^gpt-4\.1/, spec(1_047_576, 32_768, GPT_CLASSIC, CHAT_AND_RESPONSES)],
    [/^gpt-4\.5/, spec(128_000, 16_384, GPT_CLASSIC, CHAT_AND_RESPONSES)],
    [/search-preview/, spec(128_000, 16_384, can(["jsonSchema"]), CHAT)],
    [/audio/, spec(128_000, 16_384, can(["tools", "parallelTools"]), CHAT)],
    [
      /^gpt-4o-2024-05-13$/,
      spec(128_000, 4_096, can(["tools", "parallelTools", "vision", "logprobs"]), CHAT_AND_RESPONSES),
    ],
    [/^chatgpt-4o/, spec(128_000, 16_384, can(["vision", "logprobs"]), CHAT_AND_RESPONSES)],
    [/^gpt-4o/, spec(128_000, 16_384, GPT_CLASSIC, CHAT_AND_RESPONSES)],
    [/^gpt-4-vision/, spec(128_000, 4_096, can(["vision", "logprobs"]), CHAT)],
    [
      /^gpt-4-turbo/,
      spec(128_000, 4_096, can(["tools", "parallelTools", "vision", "logprobs"]), CHAT_AND_RESPONSES),
    ],
    [/^gpt-4-32k/, spec(32_768, 4_096, can(["tools", "logprobs"]), CHAT_AND_RESPONSES)],
    [/^gpt-4$/, spec(8_192, 8_192, can(["tools", "logprobs"]), CHAT_AND_RESPONSES)],
    [/^gpt-3\.5-turbo-0301$/, spec(4_096, 4_096, can(["logprobs"]), CHAT)],
    [/^gpt-3\.5/, spec(16_385, 4_096, can(["tools", "parallelTools", "logprobs"]), CHAT_AND_RESPONSES)],
  ],
  anthropic: [
    [/^claude-3-(haiku|opus|sonnet)/, spec(200_000, 4_096, CLAUDE_NO_THINKING, CHAT)],
    [/^claude-3-5/, spec(200_000, 8_192, CLAUDE_NO_THINKING, CHAT)],
    [/^claude-3-7/, spec(200_000, 64_000, CLAUDE, CHAT)],
    [/^claude-opus-4-[01]/, spec(200_000, 32_000, CLAUDE, CHAT)],
    [/^claude-(sonnet-4-[056]|haiku-4-5|opus-4-5)/, spec(200_000, 64_000, CLAUDE, CHAT)],
    [/^claude-/, spec(1_000_000, 128_000, CLAUDE, CHAT)],
  ],
  google: [
    [/^gemma-3-1b/, spec(32_768, 8_192, can([]), CHAT)],
    [/^gemma-3n/, spec(32_768, 8_192, can([]), CHAT)],
    [/^gemma-/, spec(131_072, 8_192, can(["vision"]), CHAT)],
    [/^gemini-(1\.0-)?pro$/, spec(32_768, 8_192, can(["tools"]), CHAT)],
    [/^gemini-1\.5/, spec(1_048_576, 8_192, GEMINI_NO_THINKING, CHAT)],
    [/^gemini-2\.0/, spec(1_048_576, 8_192, GEMINI_NO_THINKING, CHAT)],
    [/^gemini-/, spec(1_048_576, 65_536, GEMINI, CHAT)],
  ],
  deepseek: [
    [
      /^deepseek-(flash|v4-flash)/,
      spec(1_000_000, 384_000, can(["tools", "vision", "reasoning", "jsonSchema"]), CHAT),
    ],
    [/^deepseek-v4/, spec(1_000_000, 384_000, can(["tools", "reasoning", "jsonSchema"]), CHAT)],
    [/^deepseek-chat/, spec(1_000_000, 384_000, can(["tools", "logprobs", "jsonSchema"]), CHAT)],
    [/^deepseek-reasoner/, spec(1_000_000, 384_000, can(["tools", "reasoning", "jsonSchema"]), CHAT)],
    [/^deepseek-v3/, spec(128_000, 8_192, can(["tools", "jsonSchema"]), CHAT)],
  ],
};

/** Families taking the limits of their newest documented member (the stored docs predate them). */
export const FAMILY_NOTES: Record<string, string> = {
  "gpt-6": "limits of gpt-5.5",
  "claude-opus-4-7": "limits of claude-opus-4-6",
  "gemini-3.5": "limits of gemini-3-pro-preview",
};

/**
 * Price-data models that are not chat models, or not served under that id by the provider's API the gateway
 * speaks: completions-only and retired base models, embeddings, speech, transcription, images, realtime and
 * live (WebSocket) models, fine-tune patterns, other platforms' spellings, and at `google` the Vertex AI
 * partner models (Claude on Vertex: the Gemini API does not serve them).
 */
const NOT_SERVED: Record<(typeof GENERATED_PROVIDERS)[number], RegExp> = {
  openai:
    /^(ada|babbage|curie|davinci|text-|ft:|whisper|moderation|gpt-oss|gpt-transcribe)|\.ft-|instruct|embedding|tts|transcribe|realtime|image|:/,
  anthropic: /^claude-(2|v1)/,
  google: /^claude|-maas$|tts|image|embedding|live|omni|^gemini-(flash|pro)-1\.5|vision/,
  deepseek: /^$/,
};

/**
 * Exact ids a price rule names that are not dated snapshots but are not models of their own at the provider
 * either: other platforms' spellings (Azure's `gpt-35-turbo`, `gpt-5-1`, OpenRouter's `o3-mini-high`,
 * `:thinking` variants, `-chat` without `-latest`).
 */
const NOT_AN_API_ID = /^gpt-35|^gpt-\d-\d|-high$|:|-chat$|^gemini-3-pro-text-preview$|^gpt-5\.6$/;

/** Whether an exact id of a price rule is a model the provider serves under that id. */
export function isApiId(provider: string, modelId: string): boolean {
  return isServedModel(provider, modelId) && !NOT_AN_API_ID.test(modelId);
}

/** Whether the catalog serves the price data's model `modelId` at `provider`. */
export function isServedModel(provider: string, modelId: string): boolean {
  const pattern = NOT_SERVED[provider as (typeof GENERATED_PROVIDERS)[number]];
  return pattern !== undefined && !pattern.test(modelId);
}

/** The family of a model, or undefined when none covers it (a test checks every snapshot model has one). */
export function familyOf(provider: string, apiId: string): FamilySpec | undefined {
  const rules = FAMILIES[provider as (typeof GENERATED_PROVIDERS)[number]];
  return rules?.find(([pattern]) => pattern.test(apiId))?.[1];
}

/**
 * Where the price data's model id is not the id the provider's API takes, the API id (Anthropic's and
 * OpenAI's model pages).
 */
export const API_IDS: Record<string, string> = {
  "openai/codex-mini": "codex-mini-latest",
  "openai/computer-use": "computer-use-preview",
  "openai/gpt-3.5-0301": "gpt-3.5-turbo-0301",
  "anthropic/claude-3-5-sonnet": "claude-3-5-sonnet-latest",
  "anthropic/claude-3-haiku": "claude-3-haiku-20240307",
  "anthropic/claude-3-sonnet": "claude-3-sonnet-20240229",
  "google/gemini-2.5-flash-preview": "gemini-2.5-flash-preview-05-20",
};

/**
 * Dated snapshots the provider serves besides the alias, for models whose price rule is a prefix (so the
 * price data names none): from https://docs.claude.com/en/docs/about-claude/models/overview and
 * https://ai.google.dev/gemini-api/docs/models. Sent upstream as written.
 */
export const KNOWN_VERSIONS: Record<string, string[]> = {
  "anthropic/claude-sonnet-4-5": ["claude-sonnet-4-5-20250929"],
  "anthropic/claude-haiku-4-5": ["claude-haiku-4-5-20251001"],
  "anthropic/claude-opus-4-5": ["claude-opus-4-5-20251101"],
  "anthropic/claude-opus-4-1": ["claude-opus-4-1-20250805"],
  "anthropic/claude-opus-4-0": ["claude-opus-4-20250514"],
  "anthropic/claude-sonnet-4-0": ["claude-sonnet-4-20250514"],
  "anthropic/claude-3-7-sonnet-latest": ["claude-3-7-sonnet-20250219"],
  "anthropic/claude-3-5-haiku-latest": ["claude-3-5-haiku-20241022"],
  "anthropic/claude-3-5-sonnet": ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20240620"],
  "anthropic/claude-3-opus-latest": ["claude-3-opus-20240229"],
  "google/gemini-2.0-flash": ["gemini-2.0-flash-001"],
  "google/gemini-2.0-flash-lite": ["gemini-2.0-flash-lite-001"],
  "google/gemini-1.5-flash": ["gemini-1.5-flash-001", "gemini-1.5-flash-002"],
  "google/gemini-1.5-pro": ["gemini-1.5-pro-001", "gemini-1.5-pro-002"],
  "openai/gpt-4o-audio-preview": [
    "gpt-4o-audio-preview-2024-10-01",
    "gpt-4o-audio-preview-2024-12-17",
    "gpt-4o-audio-preview-2025-06-03",
  ],
  "openai/gpt-4o-mini-audio-preview": ["gpt-4o-mini-audio-preview-2024-12-17"],
  "openai/gpt-4.5-preview": ["gpt-4.5-preview-2025-02-27"],
  "openai/gpt-5-nano": ["gpt-5-nano-2025-08-07"],
  "openai/computer-use": ["computer-use-preview-2025-03-11"],
};

/** Price-data models whose own id is a family name, not an API id: only their `KNOWN_SIBLINGS` are served. */
export const RULE_ONLY: ReadonlySet<string> = new Set(["google/gemma-3", "google/gemma-3n"]);

/**
 * Models of their own that a price rule covers without naming them (a prefix rule), from the providers'
 * model pages: https://ai.google.dev/gemma/docs/core (Gemma on the Gemini API) and
 * https://ai.google.dev/gemini-api/docs/models (preview variants). Each becomes a canonical model priced
 * by that rule; the rule's own id is then not an API id and is left out.
 */
export const KNOWN_SIBLINGS: Record<string, string[]> = {
  "google/gemma-3": ["gemma-3-1b-it", "gemma-3-4b-it", "gemma-3-12b-it", "gemma-3-27b-it"],
  "google/gemma-3n": ["gemma-3n-e2b-it", "gemma-3n-e4b-it"],
  "google/gemini-2.5-pro": ["gemini-2.5-pro-preview-06-05", "gemini-2.5-pro-preview-05-06"],
  "google/gemini-2.5-flash-lite": [
    "gemini-2.5-flash-lite-preview-09-2025",
    "gemini-2.5-flash-lite-preview-06-17",
  ],
  "google/gemini-2.0-flash": ["gemini-2.0-flash-exp"],
  "google/gemini-2.0-flash-lite": ["gemini-2.0-flash-lite-preview-02-05"],
};

/** Aliases the gateway invents (rewritten to the canonical id before the request goes upstream). */
export const GATEWAY_ALIASES: Record<string, string[]> = {
  "anthropic/claude-sonnet-4-0": ["claude-sonnet-4"],
  "anthropic/claude-opus-4-0": ["claude-opus-4"],
  "google/gemini-3-pro-preview": ["gemini-3-pro"],
  "google/gemini-3-flash-preview": ["gemini-3-flash"],
  "google/gemini-3.1-pro-preview": ["gemini-3.1-pro"],
};
