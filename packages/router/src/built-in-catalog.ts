import { CHAT, can } from "./catalog-families";
import type { OfferingCapabilities, OfferingEndpoint } from "./router-types";

/*
 * The hand-written part of the built-in catalog: models at the providers whose catalog is not generated
 * from the price snapshot (OpenAI, Anthropic, Google and DeepSeek are: see `generated-catalog.ts`).
 * Prices are NOT typed here: they come from `prices.snapshot.json`, taken from the maintained price list of
 * @pydantic/genai-prices by `scripts/update-prices.ts` (see the README).
 *
 * Sources of context windows, output limits and capabilities (the providers' own model pages):
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
