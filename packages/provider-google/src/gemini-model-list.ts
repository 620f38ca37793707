import type { ListedModel, ProviderCallOptions } from "@switchyard/core";
import { getJson, type UpstreamConnection } from "@switchyard/provider-utils";
import { z } from "zod";
import { readGeminiError } from "./gemini-errors";
import { bareModelId } from "./gemini-models";

/**
 * A page of `GET /v1beta/models` (https://ai.google.dev/api/models#method:-models.list): `models`, each a
 * `Model` (`name` as `models/{id}`, `inputTokenLimit`, `outputTokenLimit`, `supportedGenerationMethods`,
 * `thinking`), and `nextPageToken` for the next page (`pageToken`).
 */
export const GeminiModelPageSchema = z.looseObject({
  models: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        inputTokenLimit: z.number().int().positive().optional(),
        outputTokenLimit: z.number().int().positive().optional(),
        supportedGenerationMethods: z.array(z.string()).optional(),
        thinking: z.boolean().optional(),
      }),
    )
    .optional(),
  nextPageToken: z.string().optional(),
});

/** The most pages read (1,000 models each): a list that never ends is not followed for ever. */
const MAX_PAGES = 20;

/**
 * Every model of Gemini's list that `generateContent` serves (embedding, image-only and live models are left
 * out by their `supportedGenerationMethods`), page after page.
 */
export async function listGeminiModels(
  connection: UpstreamConnection,
  headers: Record<string, string>,
  call: ProviderCallOptions,
): Promise<ListedModel[]> {
  const models: ListedModel[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query =
      token === undefined ? "pageSize=1000" : `pageSize=1000&pageToken=${encodeURIComponent(token)}`;
    const answer = await getJson(connection, {
      path: `/v1beta/models?${query}`,
      headers,
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (failed) => readGeminiError(failed.status, failed.body),
      parse: (body) => GeminiModelPageSchema.parse(body),
    });
    for (const model of answer.models ?? []) {
      if (model.supportedGenerationMethods?.includes("generateContent") !== true) continue;
      const listed: ListedModel = { id: bareModelId(model.name) };
      if (model.inputTokenLimit !== undefined) listed.contextWindow = model.inputTokenLimit;
      if (model.outputTokenLimit !== undefined) listed.maxOutputTokens = model.outputTokenLimit;
      if (model.thinking !== undefined) listed.reasoning = model.thinking;
      models.push(listed);
    }
    if (answer.nextPageToken === undefined || answer.nextPageToken === "") break;
    token = answer.nextPageToken;
  }
  return models;
}
