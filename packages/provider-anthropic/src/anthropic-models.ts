import type { ListedModel, ProviderCallOptions } from "@switchyard/core";
import { getJson, type UpstreamConnection } from "@switchyard/provider-utils";
import { z } from "zod";
import { readAnthropicError } from "./anthropic-errors";

const supported = z.looseObject({ supported: z.boolean() }).nullish();

/**
 * A page of `GET /v1/models` (https://docs.claude.com/en/api/models-list): `data` newest first, `has_more`
 * and `last_id` for the next page (`after_id`). Each model may carry its limits and capabilities.
 */
export const AnthropicModelPageSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string().min(1),
      max_input_tokens: z.number().int().positive().nullish(),
      max_tokens: z.number().int().positive().nullish(),
      capabilities: z
        .looseObject({ image_input: supported, structured_outputs: supported, thinking: supported })
        .nullish(),
    }),
  ),
  has_more: z.boolean().optional(),
  last_id: z.string().nullish(),
});

type AnthropicModelPage = z.infer<typeof AnthropicModelPageSchema>;

/** The most pages read (1,000 models each): a list that never ends is not followed for ever. */
const MAX_PAGES = 20;

/** A model of the list as a `ListedModel`, with what it says of its limits and capabilities. */
function listedModel(model: AnthropicModelPage["data"][number]): ListedModel {
  const listed: ListedModel = { id: model.id };
  if (model.max_input_tokens != null) listed.contextWindow = model.max_input_tokens;
  if (model.max_tokens != null) listed.maxOutputTokens = model.max_tokens;
  const capabilities = model.capabilities;
  if (capabilities?.image_input != null) listed.vision = capabilities.image_input.supported;
  if (capabilities?.thinking != null) listed.reasoning = capabilities.thinking.supported;
  if (capabilities?.structured_outputs != null) listed.jsonSchema = capabilities.structured_outputs.supported;
  return listed;
}

/** Every model of Anthropic's list, page after page (`limit=1000`, then `after_id` while `has_more`). */
export async function listAnthropicModels(
  connection: UpstreamConnection,
  headers: Record<string, string>,
  call: ProviderCallOptions,
): Promise<ListedModel[]> {
  const models: ListedModel[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = after === undefined ? "limit=1000" : `limit=1000&after_id=${encodeURIComponent(after)}`;
    const answer = await getJson(connection, {
      path: `/v1/models?${query}`,
      headers,
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (failed) => readAnthropicError(failed.status, failed.body),
      parse: (body) => AnthropicModelPageSchema.parse(body),
    });
    models.push(...answer.data.map(listedModel));
    if (answer.has_more !== true || answer.last_id == null) break;
    after = answer.last_id;
  }
  return models;
}
