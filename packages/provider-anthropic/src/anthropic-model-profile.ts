import type { AnthropicEffort } from "@switchyard/anthropic-api";

/** How a model takes `thinking`: not at all, a manual `budget_tokens`, or adaptive with an effort. */
export type ThinkingMode = "none" | "budget" | "adaptive";

/** How thinking is turned off on a model, if it can be. */
export type ThinkingOff = "disabled" | "between_tools" | "impossible";

/** Which sampling parameters a model takes: all, `temperature` xor `top_p`, or none. */
export type SamplingRule = "all" | "exclusive" | "none";

/** What this package knows of one Claude model, derived from its id. See the README's model table. */
export interface AnthropicModelProfile {
  /** `opus`, `sonnet`, `haiku`, `fable`, `mythos`, or `unknown`. */
  family: string;
  /** Major and minor version parsed from the id; `[0, 0]` when it has none. */
  version: readonly [number, number];
  thinking: ThinkingMode;
  /** Whether the model thinks when the request has no `thinking` field. */
  thinkingOnByDefault: boolean;
  thinkingOff: ThinkingOff;
  /** Effort levels `output_config.effort` accepts (adaptive models only). */
  efforts: readonly AnthropicEffort[];
  sampling: SamplingRule;
  /** Whether `output_config.format` (native structured output) is served. */
  nativeStructuredOutput: boolean;
  /** Whether `tool_choice` `any`/`tool` is accepted. Sonnet 5.5 rejects forced tool use. */
  forcedToolChoice: boolean;
  /** `max_tokens` sent when neither the request nor the catalog gives one. */
  defaultMaxTokens: number;
}

const FAMILIES = ["opus", "sonnet", "haiku", "fable", "mythos"] as const;

/**
 * Parses `claude-sonnet-4-5-20250929`, `claude-3-7-sonnet-20250219`, `claude-opus-4-1` or
 * `claude-mythos-preview` into a family and a version. An 8-digit date is not a version.
 */
export function parseClaudeModelId(modelId: string): { family: string; version: [number, number] } {
  const parts = modelId.toLowerCase().split(/[-_.@:/]/);
  const family = FAMILIES.find((name) => parts.includes(name)) ?? "unknown";
  const numbers = parts.filter((part) => /^\d{1,2}$/.test(part)).map(Number);
  return { family, version: [numbers[0] ?? 0, numbers[1] ?? 0] };
}

const atLeast = (version: readonly [number, number], major: number, minor: number): boolean =>
  version[0] > major || (version[0] === major && version[1] >= minor);

const ADAPTIVE_EFFORTS_4_6: readonly AnthropicEffort[] = ["low", "medium", "high", "max"];
const ADAPTIVE_EFFORTS: readonly AnthropicEffort[] = ["low", "medium", "high", "xhigh", "max"];

/** Largest output per model generation, used as the default `max_tokens` (Anthropic's models overview). */
function defaultMaxTokensOf(family: string, version: readonly [number, number]): number {
  if (version[0] === 3) {
    if (version[1] >= 7) return 64_000;
    return version[1] >= 5 ? 8_192 : 4_096;
  }
  if (family === "opus" && version[0] === 4 && version[1] < 5) return 32_000;
  if (family === "opus" && atLeast(version, 4, 6)) return 128_000;
  if (atLeast(version, 4, 7) || family === "fable" || family === "mythos") return 128_000;
  return 64_000;
}

/**
 * The profile of a Claude model id. Rules, from Anthropic's thinking, effort, structured-outputs and
 * migration guides (links in the README):
 * - Claude 3.7 and 4.0-4.5 think with `budget_tokens`; 4.6 takes adaptive thinking with an effort;
 *   4.7 and later, Mythos and every Claude 5 model take adaptive thinking only.
 * - Claude 5 models and Mythos think when `thinking` is absent; Fable, Mythos and Opus 5.5+ cannot turn it
 *   off; Sonnet 5.5+ turns it off with `between_tools` and rejects forced tool use.
 * - Opus 4.1 and the 4.5/4.6 models reject `temperature` with `top_p`; 4.7 and later reject both.
 * - Native structured output (`output_config.format`) is GA from the 4.5 models on.
 */
export function anthropicModelProfile(modelId: string): AnthropicModelProfile {
  const { family, version } = parseClaudeModelId(modelId);
  const preview = modelId.includes("preview");
  // A model id without a version (a custom deployment name) is treated as a current model.
  const current = version[0] === 0 || atLeast(version, 4, 7) || preview;
  const alwaysThinking = family === "fable" || family === "mythos";
  let thinking: ThinkingMode = "none";
  if (current) thinking = "adaptive";
  else if (atLeast(version, 4, 6)) thinking = "adaptive";
  else if (atLeast(version, 3, 7)) thinking = "budget";
  let thinkingOff: ThinkingOff = "disabled";
  if (alwaysThinking || (family === "opus" && atLeast(version, 5, 5))) thinkingOff = "impossible";
  else if (family === "sonnet" && atLeast(version, 5, 5)) thinkingOff = "between_tools";
  let sampling: SamplingRule = "all";
  if (current) sampling = "none";
  else if (atLeast(version, 4, 5) || (family === "opus" && atLeast(version, 4, 1))) sampling = "exclusive";
  return {
    family,
    version,
    thinking,
    thinkingOnByDefault: alwaysThinking || version[0] >= 5,
    thinkingOff,
    efforts: thinking !== "adaptive" ? [] : current ? ADAPTIVE_EFFORTS : ADAPTIVE_EFFORTS_4_6,
    sampling,
    nativeStructuredOutput: current || atLeast(version, 4, 5),
    forcedToolChoice: !(family === "sonnet" && atLeast(version, 5, 5)),
    defaultMaxTokens: version[0] === 0 ? 64_000 : defaultMaxTokensOf(family, version),
  };
}
