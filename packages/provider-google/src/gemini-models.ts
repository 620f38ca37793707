/**
 * What the translators need to know about a Gemini model, read from its id:
 * - `jsonSchema`: whether function parameters and response schemas go as full JSON Schema
 *   (`parametersJsonSchema`, `responseJsonSchema`, Gemini 2.5 and later) or as the OpenAPI subset
 *   (`parameters`, `responseSchema`, Gemini 2.0 and earlier);
 * - `thinking`: `level` (Gemini 3: `thinkingLevel`), `budget` (Gemini 2.5: `thinkingBudget`) or `none`;
 * - `thinkingLevels`: the levels the model accepts (Gemini 3 Pro rejects `minimal`, 3.0 Pro also `medium`);
 * - `budgetRange`: the `thinkingBudget` range and whether 0 (off) is allowed.
 * - `enforcesThoughtSignatures`: Gemini 3 answers 400 when a function call in history lacks a signature.
 * Ids without a version (`gemini-flash-latest`, `gemini-pro-latest`) are aliases of the newest family.
 * See https://ai.google.dev/gemini-api/docs/thinking and .../function-calling.
 */
export interface GeminiModelTraits {
  jsonSchema: boolean;
  thinking: "level" | "budget" | "none";
  thinkingLevels: readonly ("minimal" | "low" | "medium" | "high")[];
  budgetRange: { min: number; max: number; canDisable: boolean };
  enforcesThoughtSignatures: boolean;
}

const versionPattern = /^gemini-(\d+)(?:\.(\d+))?/;

/** Strips the `models/` resource prefix some callers keep on model ids. */
export function bareModelId(model: string): string {
  return model.startsWith("models/") ? model.slice("models/".length) : model;
}

/** Reads the traits of a Gemini model from its id. */
export function geminiModelTraits(model: string): GeminiModelTraits {
  const id = bareModelId(model).toLowerCase();
  const match = versionPattern.exec(id);
  const major = match ? Number(match[1]) : Number.POSITIVE_INFINITY;
  const minor = match?.[2] === undefined ? 0 : Number(match[2]);
  const version = major + minor / 10;
  const isPro = id.includes("-pro");
  const isLite = id.includes("lite");
  if (version >= 3) {
    const thinkingLevels = !isPro
      ? (["minimal", "low", "medium", "high"] as const)
      : id.startsWith("gemini-3-pro")
        ? (["low", "high"] as const)
        : (["low", "medium", "high"] as const);
    return {
      jsonSchema: true,
      thinking: "level",
      thinkingLevels,
      budgetRange: { min: 0, max: 0, canDisable: false },
      enforcesThoughtSignatures: true,
    };
  }
  const budgetRange = isPro
    ? { min: 128, max: 32768, canDisable: false }
    : isLite
      ? { min: 512, max: 24576, canDisable: true }
      : { min: 1, max: 24576, canDisable: true };
  return {
    jsonSchema: version >= 2.5,
    thinking: version >= 2.5 ? "budget" : "none",
    thinkingLevels: [],
    budgetRange,
    enforcesThoughtSignatures: false,
  };
}
