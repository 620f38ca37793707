import { createFetchTransport } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";

describe("OpenAI listModels", () => {
  it("reads GET {baseUrl}/models with the Bearer key", async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const transport = createFetchTransport(async (input, init) => {
      seen.push({ url: String(input), headers: init?.headers as Record<string, string> });
      // https://platform.openai.com/docs/api-reference/models/list
      const body = {
        object: "list",
        data: [
          { id: "gpt-4o-2024-08-06", object: "model", created: 1722814719, owned_by: "system" },
          { id: "ft:gpt-4o-mini-2024-07-18:acme::abc123", object: "model", created: 1, owned_by: "acme" },
        ],
      };
      return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
    });
    const provider = createOpenAIProvider({ baseUrl: "https://openai.test/v1", transport });
    expect(await provider.listModels!({ apiKey: "sk-1" })).toEqual([
      { id: "gpt-4o-2024-08-06" },
      { id: "ft:gpt-4o-mini-2024-07-18:acme::abc123" },
    ]);
    expect(seen).toEqual([
      {
        url: "https://openai.test/v1/models",
        headers: expect.objectContaining({ authorization: "Bearer sk-1" }),
      },
    ]);
  });
});
