import {
  type ModelInfo,
  nearestReasoningEffort,
  type ReasoningEffort,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";

/** A `reasoning_effort` value the OpenAI API itself defines. */
export type OpenAIReasoningEffort = "none" | "minimal" | "low" | "medium" | "high" | "xhigh" | "max";

/** What the OpenAI provider knows about one model id's reasoning behaviour. */
export interface OpenAIModelProfile {
  /** The model reasons: it takes `max_completion_tokens` and rejects most sampling parameters. */
  reasoning: boolean;
  /** The model is known not to reason (gpt-4o, gpt-4.1, gpt-5-chat-latest): it rejects `reasoning_effort`. */
  knownNonReasoning: boolean;
  /** The `reasoning_effort` values the model accepts, lowest first; `undefined` when not known. */
  efforts: readonly OpenAIReasoningEffort[] | undefined;
  /** The effort the model uses when the request sends none; `undefined` when not known. */
  defaultEffort: OpenAIReasoningEffort | undefined;
  /** `temperature`, `top_p` and `logprobs` are accepted while the effort is `none` (GPT-5.1 and later). */
  samplingWithEffortNone: boolean;
}

const O_SERIES = /^o(\d+)(?:-(.+))?$/;
const GPT = /^gpt-(\d+)(?:\.(\d+))?(?:-(.+))?$/;
const DATE_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

const LOW_TO_HIGH: readonly OpenAIReasoningEffort[] = ["low", "medium", "high"];

const unknownModel: OpenAIModelProfile = {
  reasoning: false,
  knownNonReasoning: false,
  efforts: undefined,
  defaultEffort: undefined,
  samplingWithEffortNone: false,
};

const nonReasoningModel: OpenAIModelProfile = { ...unknownModel, knownNonReasoning: true };

const reasoningModel = (
  efforts: readonly OpenAIReasoningEffort[] | undefined,
  defaultEffort: OpenAIReasoningEffort | undefined,
  samplingWithEffortNone = false,
): OpenAIModelProfile => ({
  reasoning: true,
  knownNonReasoning: false,
  efforts,
  defaultEffort,
  samplingWithEffortNone,
});

/**
 * The base model id: a fine-tune `ft:o4-mini-2025-04-16:org::id` is judged as `o4-mini`, a dated snapshot
 * `gpt-5.2-2025-12-11` as `gpt-5.2`.
 */
export function baseModelId(modelId: string): string {
  let id = modelId.trim().toLowerCase();
  if (id.startsWith("ft:")) id = id.slice(3).split(":")[0] ?? id;
  return id.replace(DATE_SUFFIX, "");
}

/**
 * o-series (o1, o3, o4-mini, o3-pro, ...): low, medium and high, default medium.
 * o1-mini and o1-preview predate `reasoning_effort` and accept no value at all.
 * https://platform.openai.com/docs/guides/reasoning
 */
function oSeriesProfile(variant: string | undefined, generation: number): OpenAIModelProfile {
  if (generation === 1 && (variant === "mini" || variant === "preview")) return reasoningModel([], undefined);
  return reasoningModel(LOW_TO_HIGH, "medium");
}

/**
 * GPT-5 and later. The effort tables follow OpenAI's model pages and the reasoning guide:
 * - gpt-5, -mini, -nano: minimal..high (default medium); gpt-5-pro: high only; gpt-5-codex: low..high.
 * - gpt-5.1: none..high (default none); its codex models low..high, codex-max adds xhigh.
 * - gpt-5.2 and later: none..xhigh (default none); -pro: medium..xhigh; -codex: low..xhigh.
 * - gpt-5.6 and later (and gpt-6): none..max.
 * - `-chat-latest` of 5.1 and later reasons at medium only; gpt-5-chat-latest does not reason.
 * `temperature`, `top_p` and `logprobs` are accepted only by GPT-5.1 and later at effort `none`:
 * https://platform.openai.com/docs/guides/latest-model#gpt-5-1-parameter-compatibility
 */
function gptProfile(major: number, minor: number, variant: string | undefined): OpenAIModelProfile {
  if (major < 5) return nonReasoningModel;
  const kind = variant ?? "";
  if (kind.startsWith("chat"))
    return minor === 0 && major === 5 ? nonReasoningModel : reasoningModel(["medium"], "medium");
  if (kind.startsWith("search")) return reasoningModel([], undefined);
  const version = major * 100 + minor;
  if (version < 501) {
    if (kind.startsWith("pro")) return reasoningModel(["high"], "high");
    if (kind.startsWith("codex")) return reasoningModel(LOW_TO_HIGH, "medium");
    return reasoningModel(["minimal", ...LOW_TO_HIGH], "medium");
  }
  const topEfforts: OpenAIReasoningEffort[] =
    version >= 506 ? ["xhigh", "max"] : version >= 502 ? ["xhigh"] : [];
  if (kind.startsWith("pro")) return reasoningModel(["medium", "high", ...topEfforts], "high");
  if (kind.startsWith("codex")) {
    const codexTop = kind.includes("max") && topEfforts.length === 0 ? ["xhigh" as const] : topEfforts;
    return reasoningModel([...LOW_TO_HIGH, ...codexTop], "medium");
  }
  return reasoningModel(["none", ...LOW_TO_HIGH, ...topEfforts], "none", true);
}

/** The rules that apply to a model id; the catalog's `reasoning: true` marks an otherwise unknown id as reasoning. */
export function openAIModelProfile(modelId: string, model?: ModelInfo): OpenAIModelProfile {
  const id = baseModelId(modelId);
  let profile = unknownModel;
  const oSeries = O_SERIES.exec(id);
  const gpt = GPT.exec(id);
  if (oSeries !== null) profile = oSeriesProfile(oSeries[2], Number(oSeries[1]));
  else if (gpt !== null) profile = gptProfile(Number(gpt[1]), Number(gpt[2] ?? 0), gpt[3]);
  else if (/^(gpt-3|gpt-4|chatgpt-)/.test(id)) profile = nonReasoningModel;
  if (!profile.reasoning && !profile.knownNonReasoning && model?.reasoning === true) {
    return reasoningModel(undefined, undefined);
  }
  return profile;
}

/** The effort to send upstream for a requested one, and the warning when it was changed or removed. */
export interface EffortResolution {
  /** The value to send; `undefined` removes `reasoning_effort` from the request. */
  effort: string | undefined;
  warning?: Warning;
}

const adjusted = (message: string): Warning => ({
  type: "adjusted_parameter",
  code: "reasoning_effort",
  message,
});

/**
 * Maps a requested `reasoning_effort` to what the model takes, by one rule for every value: a value the
 * model's family takes is sent as it is (`off` as `none`); any other moves to the nearest effort the model
 * takes (`none`/`off` to its lowest, where reasoning cannot be turned off), with a warning. A model that
 * takes no effort setting gets none, with a warning. For an id whose efforts are not known, OpenAI's own
 * values pass unchanged, `off` becomes `none` and `max` the highest OpenAI value, `xhigh`. A model known
 * not to reason rejects the field.
 */
export function resolveReasoningEffort(
  requested: string,
  profile: OpenAIModelProfile,
  modelId: string,
): EffortResolution {
  const quoted = `'${requested}'`;
  if (profile.knownNonReasoning) {
    const removed = `reasoning_effort ${quoted} was removed: OpenAI model '${modelId}' does not reason`;
    if (requested === "off" || requested === "none")
      return { effort: undefined, warning: adjusted(`${removed}.`) };
    return {
      effort: undefined,
      warning: unsupportedParameter("reasoning_effort", `OpenAI model '${modelId}'`),
    };
  }
  const sent = (effort: OpenAIReasoningEffort, why: string): EffortResolution => ({
    effort,
    warning: adjusted(
      `reasoning_effort ${quoted} was sent to OpenAI model '${modelId}' as '${effort}'${why}.`,
    ),
  });
  const efforts = profile.efforts;
  if (efforts === undefined) {
    if (requested === "off") return sent("none", "");
    if (requested === "max") return sent("xhigh", "");
    return { effort: requested };
  }
  if (efforts.length === 0) {
    return {
      effort: undefined,
      warning: adjusted(
        `reasoning_effort ${quoted} was removed: OpenAI model '${modelId}' takes no effort setting.`,
      ),
    };
  }
  const wanted = (requested === "off" ? "none" : requested) as ReasoningEffort;
  if ((efforts as readonly string[]).includes(wanted))
    return wanted === requested ? { effort: requested } : sent(wanted as OpenAIReasoningEffort, "");
  if (wanted === "none")
    return sent(efforts[0]!, ": the model cannot turn reasoning off, this is its lowest effort");
  const nearest = nearestReasoningEffort(wanted, efforts)!;
  const highest = nearest === efforts[efforts.length - 1];
  return sent(nearest, highest ? ": its highest effort" : `: the model has no effort ${quoted}`);
}
