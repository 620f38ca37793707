import type { ChatUsage } from "@switchyard/core";
import { isJsonObject } from "./json-value";
import type { OpenAICompatiblePreset } from "./openai-compatible-preset";

const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/**
 * Reads a server's `usage` object: missing totals are computed, other fields (Groq's timings, DeepSeek's
 * cache counts) are kept, and the preset brings the counts to OpenAI's meaning. `undefined` when there is
 * no usable usage.
 */
export function normalizeUsage(raw: unknown, preset: OpenAICompatiblePreset): ChatUsage | undefined {
  if (!isJsonObject(raw)) return undefined;
  const promptTokens = count(raw["prompt_tokens"]);
  const completionTokens = count(raw["completion_tokens"]);
  if (promptTokens === undefined && completionTokens === undefined) return undefined;
  const usage: ChatUsage = {
    ...raw,
    prompt_tokens: promptTokens ?? 0,
    completion_tokens: completionTokens ?? 0,
    total_tokens: count(raw["total_tokens"]) ?? (promptTokens ?? 0) + (completionTokens ?? 0),
  };
  return preset.adaptUsage === undefined ? usage : preset.adaptUsage(usage);
}
