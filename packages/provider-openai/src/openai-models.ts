import { type ListedModel, listedModelsOfOpenAIList, type ProviderCallOptions } from "@switchyard/core";
import { getJson } from "@switchyard/provider-utils";
import { OPENAI_PROVIDER_NAME, readOpenAIError } from "./openai-errors";
import type { OpenAIConnection } from "./openai-http";

/** `GET {baseUrl}/models` (https://platform.openai.com/docs/api-reference/models/list): one page, every model. */
export function listOpenAIModels(
  connection: OpenAIConnection,
  call: ProviderCallOptions,
): Promise<ListedModel[]> {
  return getJson(
    {
      provider: OPENAI_PROVIDER_NAME,
      displayName: "OpenAI",
      baseUrl: connection.baseUrl,
      transport: connection.transport,
      clock: connection.clock,
      ...(connection.maxAnswerBytes === undefined ? {} : { maxAnswerBytes: connection.maxAnswerBytes }),
    },
    {
      path: "/models",
      headers: { accept: "application/json", ...connection.headers, authorization: `Bearer ${call.apiKey}` },
      apiKey: call.apiKey,
      signal: call.signal,
      readError: (answer) => readOpenAIError(answer.status, answer.body),
      parse: listedModelsOfOpenAIList,
    },
  );
}
