import { type GatewayError, invalidRequest } from "@switchyard/core";
import { bareModelId } from "./gemini-models";

/**
 * Gemini agents that only the Interactions API serves (`POST /v1beta/interactions` with `agent`, run in the
 * background for up to an hour): the Deep Research agents (`deep-research-pro-preview-12-2025`,
 * `deep-research-preview-04-2026` and their Max variant). `generateContent` does not know them, so they are
 * refused before any upstream call, naming why. https://ai.google.dev/gemini-api/docs/interactions and
 * https://ai.google.dev/gemini-api/docs/deep-research
 */
const INTERACTIONS_ONLY = /^deep-research/i;

/** The 400 for a model only the Interactions API serves, or undefined when `generateContent` serves it. */
export function interactionsOnlyError(model: string): GatewayError | undefined {
  if (!INTERACTIONS_ONLY.test(bareModelId(model))) return undefined;
  return invalidRequest(
    `'${model}' is a Gemini agent served only by the Interactions API, which this gateway does not call; ` +
      "Gemini models (gemini-*) are served through generateContent",
    "model",
    "interactions_api_only",
  );
}
