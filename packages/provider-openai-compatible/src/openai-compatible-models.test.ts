import { createFetchTransport } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createOpenAICompatibleProvider } from "./openai-compatible-provider";

describe("OpenAI-compatible listModels", () => {
  it("reads GET {baseUrl}/models, with vLLM's max_model_len as the context window", async () => {
    const urls: string[] = [];
    const transport = createFetchTransport(async (input) => {
      urls.push(String(input));
      // vLLM's answer, as https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html shows it
      const body = {
        object: "list",
        data: [
          {
            id: "meta-llama/Llama-3.1-8B-Instruct",
            object: "model",
            created: 1,
            owned_by: "vllm",
            max_model_len: 32_768,
          },
          { id: "my-lora", object: "model", created: 1, owned_by: "vllm" },
        ],
      };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    });
    const provider = createOpenAICompatibleProvider({
      name: "vllm",
      baseUrl: "http://127.0.0.1:8000/v1",
      preset: "vllm",
      transport,
    });
    expect(await provider.listModels!({ apiKey: "" })).toEqual([
      { id: "meta-llama/Llama-3.1-8B-Instruct", contextWindow: 32_768 },
      { id: "my-lora" },
    ]);
    expect(urls).toEqual(["http://127.0.0.1:8000/v1/models"]);
  });

  it("answers a body that is not a model list with a retryable 502", async () => {
    const transport = createFetchTransport(async () => new Response('{"models": []}'));
    const provider = createOpenAICompatibleProvider({
      name: "local",
      baseUrl: "http://127.0.0.1:1/v1",
      transport,
    });
    await expect(provider.listModels!({ apiKey: "" })).rejects.toMatchObject({
      status: 502,
      code: "invalid_upstream_response",
    });
  });
});
