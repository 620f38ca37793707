import type { OfferingCapabilities, OfferingEndpoint } from "./router-types";

/*
 * The built-in catalog: canonical models, the providers that serve them, context windows, output limits,
 * capabilities and endpoints. Prices are NOT typed here: they come from `prices.snapshot.json`, taken from
 * the maintained price list of @pydantic/genai-prices by `scripts/update-prices.ts` (see the README).
 *
 * Sources of context windows, output limits and capabilities (the providers' own model pages):
 * - OpenAI: https://platform.openai.com/docs/models (one page per model, e.g. /docs/models/gpt-4.1,
 *   /docs/models/o3-pro, /docs/models/gpt-5.5-pro). o3-pro and the gpt-5.x "pro" models are served only on
 *   the Responses API and do not stream. Reasoning models do not return logprobs.
 * - Anthropic: https://docs.claude.com/en/docs/about-claude/models/overview (models comparison table).
 *   Claude does not return logprobs. JSON schemas use native structured outputs where the model has them
 *   (https://docs.claude.com/en/docs/build-with-claude/structured-outputs) and a stand-in tool otherwise (the
 *   Anthropic provider does both), so `jsonSchema` is true for every Claude model.
 * - Google: https://ai.google.dev/gemini-api/docs/models (input and output token limits per model).
 * - DeepSeek: https://api-docs.deepseek.com/quick_start/pricing (context length, maximum output, JSON Output,
 *   tool calls). DeepSeek has JSON mode, not JSON schemas, and no image input on V4 Pro.
 * - Groq: https://console.groq.com/docs/models (context window and max completion tokens), structured outputs
 *   with JSON schema only on the models listed at https://console.groq.com/docs/structured-outputs.
 * - Together: https://docs.together.ai/docs/serverless-models (context length),
 *   https://docs.together.ai/docs/json-mode (JSON schema support).
 * - Fireworks: https://fireworks.ai/models/fireworks/llama-v3p3-70b-instruct and /qwen3-235b-a22b,
 *   /minimax-m2p7 (context length), https://docs.fireworks.ai/structured-responses/structured-response-formatting.
 * - xAI: https://docs.x.ai/docs/models (context window, capabilities).
 * - MiniMax: https://platform.minimax.io/docs/guides/text-generation (MiniMax-M2.7: 204,800-token context).
 * - Mistral: https://docs.mistral.ai/getting-started/models (context; Mistral Large 3 takes images).
 * Where a provider documents no separate output limit, `maxOutputTokens` is the context window (the request
 * is then limited by the context alone); those entries say so.
 */

/** An offering of the built-in catalog, before its prices are joined from the price snapshot. */
export interface BuiltInOffering {
  provider: string;
  providerModelId: string;
  contextWindow: number;
  maxOutputTokens: number;
  capabilities: OfferingCapabilities;
  endpoints: OfferingEndpoint[];
}

/** A canonical model of the built-in catalog, before prices. */
export interface BuiltInModel {
  id: string;
  ownedBy: string;
  aliases: string[];
  offerings: BuiltInOffering[];
}

type CapabilityName = Exclude<keyof OfferingCapabilities, "streaming">;

/** Capabilities from a list of names; streaming is on unless `noStreaming`. */
function can(names: CapabilityName[], options: { noStreaming?: boolean } = {}): OfferingCapabilities {
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

const CHAT_AND_RESPONSES: OfferingEndpoint[] = ["chat", "responses"];
const CHAT: OfferingEndpoint[] = ["chat"];
const RESPONSES_ONLY: OfferingEndpoint[] = ["responses"];

const GPT_CLASSIC = can(["tools", "parallelTools", "vision", "jsonSchema", "logprobs"]);
const GPT_REASONING = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);
const GPT_PRO = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"], { noStreaming: true });
const CLAUDE = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);
const GEMINI = can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]);

/** OpenAI models, all served by the `openai` provider. */
function openai(
  id: string,
  contextWindow: number,
  maxOutputTokens: number,
  capabilities: OfferingCapabilities,
  endpoints: OfferingEndpoint[],
  aliases: string[] = [],
): BuiltInModel {
  return {
    id,
    ownedBy: "openai",
    aliases,
    offerings: [
      { provider: "openai", providerModelId: id, contextWindow, maxOutputTokens, capabilities, endpoints },
    ],
  };
}

/** A model served by one provider under its own id. */
function single(
  id: string,
  ownedBy: string,
  offering: Omit<BuiltInOffering, "providerModelId"> & { providerModelId?: string },
  aliases: string[] = [],
): BuiltInModel {
  return {
    id,
    ownedBy,
    aliases,
    offerings: [{ ...offering, providerModelId: offering.providerModelId ?? id }],
  };
}

/** The built-in catalog data (without prices). */
export const BUILT_IN_CATALOG: readonly BuiltInModel[] = [
  openai("gpt-4o", 128_000, 16_384, GPT_CLASSIC, CHAT_AND_RESPONSES, ["gpt-4o-2024-08-06"]),
  openai("gpt-4.1", 1_047_576, 32_768, GPT_CLASSIC, CHAT_AND_RESPONSES, ["gpt-4.1-2025-04-14"]),
  openai("gpt-5", 400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES, ["gpt-5-2025-08-07"]),
  openai("gpt-5-mini", 400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("gpt-5-nano", 400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("gpt-5.1", 400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("gpt-5.2", 400_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("gpt-5.4", 1_050_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("gpt-5.5", 1_050_000, 128_000, GPT_REASONING, CHAT_AND_RESPONSES),
  openai("o3-pro", 200_000, 100_000, GPT_PRO, RESPONSES_ONLY, ["o3-pro-2025-06-10"]),
  openai("gpt-5.5-pro", 1_050_000, 128_000, GPT_PRO, RESPONSES_ONLY),

  single("claude-sonnet-4-6", "anthropic", {
    provider: "anthropic",
    contextWindow: 1_000_000,
    maxOutputTokens: 64_000,
    capabilities: CLAUDE,
    endpoints: CHAT,
  }),
  single(
    "claude-sonnet-4-20250514",
    "anthropic",
    {
      provider: "anthropic",
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      capabilities: CLAUDE,
      endpoints: CHAT,
    },
    ["claude-sonnet-4-0", "claude-sonnet-4"],
  ),
  single("claude-opus-4-6", "anthropic", {
    provider: "anthropic",
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    capabilities: CLAUDE,
    endpoints: CHAT,
  }),
  single(
    "claude-haiku-4-5",
    "anthropic",
    {
      provider: "anthropic",
      providerModelId: "claude-haiku-4-5-20251001",
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      capabilities: CLAUDE,
      endpoints: CHAT,
    },
    ["claude-haiku-4-5-20251001"],
  ),

  single("gemini-2.5-flash", "google", {
    provider: "google",
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    capabilities: GEMINI,
    endpoints: CHAT,
  }),
  single("gemini-2.5-pro", "google", {
    provider: "google",
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    capabilities: GEMINI,
    endpoints: CHAT,
  }),
  single(
    "gemini-3-pro-preview",
    "google",
    {
      provider: "google",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: GEMINI,
      endpoints: CHAT,
    },
    ["gemini-3-pro"],
  ),
  single(
    "gemini-3-flash-preview",
    "google",
    {
      provider: "google",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: GEMINI,
      endpoints: CHAT,
    },
    ["gemini-3-flash"],
  ),
  single(
    "gemini-3.1-pro-preview",
    "google",
    {
      provider: "google",
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
      capabilities: GEMINI,
      endpoints: CHAT,
    },
    ["gemini-3.1-pro"],
  ),

  single("deepseek-v4-pro", "deepseek", {
    provider: "deepseek",
    contextWindow: 1_000_000,
    maxOutputTokens: 384_000,
    capabilities: can(["tools", "reasoning"]),
    endpoints: CHAT,
  }),
  single("deepseek-chat", "deepseek", {
    provider: "deepseek",
    contextWindow: 128_000,
    maxOutputTokens: 8_192,
    capabilities: can(["tools", "logprobs"]),
    endpoints: CHAT,
  }),

  {
    id: "llama-3.3-70b-instruct",
    ownedBy: "meta",
    aliases: ["llama-3.3-70b", "meta-llama/Llama-3.3-70B-Instruct"],
    offerings: [
      {
        provider: "groq",
        providerModelId: "llama-3.3-70b-versatile",
        contextWindow: 131_072,
        maxOutputTokens: 32_768,
        capabilities: can(["tools", "parallelTools"]),
        endpoints: CHAT,
      },
      {
        // Together documents no separate output limit.
        provider: "together",
        providerModelId: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        contextWindow: 131_072,
        maxOutputTokens: 131_072,
        capabilities: can(["tools", "parallelTools", "jsonSchema", "logprobs"]),
        endpoints: CHAT,
      },
      {
        // Fireworks documents no separate output limit.
        provider: "fireworks",
        providerModelId: "accounts/fireworks/models/llama-v3p3-70b-instruct",
        contextWindow: 131_072,
        maxOutputTokens: 131_072,
        capabilities: can(["tools", "parallelTools", "jsonSchema", "logprobs"]),
        endpoints: CHAT,
      },
    ],
  },

  single(
    "qwen3-32b",
    "qwen",
    {
      provider: "groq",
      providerModelId: "qwen/qwen3-32b",
      contextWindow: 131_072,
      maxOutputTokens: 40_960,
      capabilities: can(["tools", "parallelTools", "reasoning"]),
      endpoints: CHAT,
    },
    ["qwen/qwen3-32b"],
  ),
  single("qwen3-235b-a22b", "qwen", {
    // Fireworks documents no separate output limit.
    provider: "fireworks",
    providerModelId: "accounts/fireworks/models/qwen3-235b-a22b",
    contextWindow: 128_000,
    maxOutputTokens: 128_000,
    capabilities: can(["tools", "parallelTools", "jsonSchema", "reasoning"]),
    endpoints: CHAT,
  }),

  single(
    "grok-4",
    "xai",
    {
      // xAI documents no separate output limit.
      provider: "xai",
      providerModelId: "grok-4-0709",
      contextWindow: 256_000,
      maxOutputTokens: 256_000,
      capabilities: can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]),
      endpoints: CHAT,
    },
    ["grok-4-0709", "grok-4-latest"],
  ),
  single("grok-4-1-fast-reasoning", "xai", {
    provider: "xai",
    contextWindow: 2_000_000,
    maxOutputTokens: 2_000_000,
    capabilities: can(["tools", "parallelTools", "vision", "jsonSchema", "reasoning"]),
    endpoints: CHAT,
  }),
  single("grok-code-fast-1", "xai", {
    provider: "xai",
    contextWindow: 256_000,
    maxOutputTokens: 256_000,
    capabilities: can(["tools", "parallelTools", "jsonSchema", "reasoning"]),
    endpoints: CHAT,
  }),

  {
    id: "minimax-m2.7",
    ownedBy: "minimax",
    aliases: ["MiniMax-M2.7"],
    offerings: [
      {
        provider: "minimax",
        providerModelId: "MiniMax-M2.7",
        contextWindow: 204_800,
        maxOutputTokens: 131_072,
        capabilities: can(["tools", "parallelTools", "reasoning"]),
        endpoints: CHAT,
      },
      {
        provider: "fireworks",
        providerModelId: "accounts/fireworks/models/minimax-m2p7",
        contextWindow: 204_800,
        maxOutputTokens: 131_072,
        capabilities: can(["tools", "parallelTools", "reasoning"]),
        endpoints: CHAT,
      },
    ],
  },

  single(
    "mistral-large-3",
    "mistral",
    {
      // Mistral documents no separate output limit.
      provider: "mistral",
      providerModelId: "mistral-large-2512",
      contextWindow: 262_144,
      maxOutputTokens: 262_144,
      capabilities: can(["tools", "parallelTools", "vision", "jsonSchema"]),
      endpoints: CHAT,
    },
    ["mistral-large-2512"],
  ),
];
