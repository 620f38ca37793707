import { z } from "zod";
import type { ListedModel } from "../provider";

/**
 * OpenAI's model list (`GET /v1/models`: https://platform.openai.com/docs/api-reference/models/list), which
 * DeepSeek and OpenAI-compatible servers (vLLM, Ollama, llama.cpp) answer too. vLLM adds `max_model_len`
 * (https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html), the context length it serves.
 */
export const OpenAIModelListSchema = z.looseObject({
  object: z.string().optional(),
  data: z.array(
    z.looseObject({
      id: z.string().min(1),
      object: z.string().optional(),
      owned_by: z.string().optional(),
      max_model_len: z.number().int().positive().optional(),
    }),
  ),
});

/** The models of an OpenAI-shaped model list; throws a `ZodError` when the body is not one. */
export function listedModelsOfOpenAIList(body: unknown): ListedModel[] {
  return OpenAIModelListSchema.parse(body).data.map((model) => ({
    id: model.id,
    ...(model.max_model_len === undefined ? {} : { contextWindow: model.max_model_len }),
  }));
}
