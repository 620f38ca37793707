import { type FakeHandler, writeJson } from "./fake-upstream";

/*
 * Model lists in each provider's documented shape:
 * - OpenAI, DeepSeek, OpenAI-compatible servers: https://platform.openai.com/docs/api-reference/models/list
 * - Anthropic: https://docs.claude.com/en/api/models-list
 * - Gemini: https://ai.google.dev/api/models#method:-models.list
 */

/** `GET .../models`: `{ object: "list", data: [{ id, object, created, owned_by }] }`. */
export const openAIModelList = (ids: readonly string[]) => ({
  object: "list",
  data: ids.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "system" })),
});

/** `GET /v1/models`: one page, `has_more: false`. */
export const anthropicModelList = (ids: readonly string[]) => ({
  data: ids.map((id) => ({ type: "model", id, display_name: id, created_at: "2025-09-29T00:00:00Z" })),
  has_more: false,
  first_id: ids[0] ?? null,
  last_id: ids.at(-1) ?? null,
});

/** `GET /v1beta/models`: `models` named `models/{id}`, each serving `generateContent`. */
export const geminiModelList = (ids: readonly string[]) => ({
  models: ids.map((id) => ({
    name: `models/${id}`,
    displayName: id,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 8_192,
    supportedGenerationMethods: ["generateContent", "countTokens"],
  })),
});

/** Answers `GET` of a path ending in `/models` with `list`; every other request goes to `responder`. */
export const withModelList =
  (list: unknown, responder: FakeHandler): FakeHandler =>
  (request, response, incoming) => {
    const path = request.url.split("?")[0] ?? "";
    if (request.method === "GET" && path.endsWith("/models")) return writeJson(response, 200, list);
    return responder(request, response, incoming);
  };
