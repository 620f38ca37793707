import { createFetchTransport } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createAnthropicProvider } from "./anthropic-provider";

// Pages shaped as https://docs.claude.com/en/api/models-list documents them (newest first, cursor pagination).
const FIRST_PAGE = {
  data: [
    {
      type: "model",
      id: "claude-opus-4-6",
      display_name: "Claude Opus 4.6",
      created_at: "2026-02-04T00:00:00Z",
      max_input_tokens: 1_000_000,
      max_tokens: 128_000,
      capabilities: {
        image_input: { supported: true },
        structured_outputs: { supported: true },
        thinking: { supported: true, types: { adaptive: { supported: true }, enabled: { supported: true } } },
      },
    },
  ],
  has_more: true,
  first_id: "claude-opus-4-6",
  last_id: "claude-opus-4-6",
};
const SECOND_PAGE = {
  data: [
    {
      type: "model",
      id: "claude-3-haiku-20240307",
      display_name: "Claude Haiku 3",
      created_at: "2024-03-07T00:00:00Z",
    },
  ],
  has_more: false,
  first_id: "claude-3-haiku-20240307",
  last_id: "claude-3-haiku-20240307",
};

describe("Anthropic listModels", () => {
  it("reads every page with the key and version headers, keeping the limits and capabilities listed", async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const transport = createFetchTransport(async (input, init) => {
      const url = String(input);
      seen.push({ url, headers: init?.headers as Record<string, string> });
      const page = url.includes("after_id=") ? SECOND_PAGE : FIRST_PAGE;
      return new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });
    });
    const provider = createAnthropicProvider({ baseUrl: "https://anthropic.test", transport });
    expect(await provider.listModels!({ apiKey: "sk-ant-1" })).toEqual([
      {
        id: "claude-opus-4-6",
        contextWindow: 1_000_000,
        maxOutputTokens: 128_000,
        vision: true,
        reasoning: true,
        jsonSchema: true,
      },
      { id: "claude-3-haiku-20240307" },
    ]);
    expect(seen.map((request) => request.url)).toEqual([
      "https://anthropic.test/v1/models?limit=1000",
      "https://anthropic.test/v1/models?limit=1000&after_id=claude-opus-4-6",
    ]);
    expect(seen[0]!.headers).toMatchObject({ "x-api-key": "sk-ant-1", "anthropic-version": "2023-06-01" });
  });

  it("fails with the provider's error when the list cannot be read", async () => {
    const transport = createFetchTransport(
      async () =>
        new Response(
          JSON.stringify({
            type: "error",
            error: { type: "authentication_error", message: "invalid x-api-key" },
          }),
          {
            status: 401,
          },
        ),
    );
    const provider = createAnthropicProvider({ baseUrl: "https://anthropic.test", transport });
    await expect(provider.listModels!({ apiKey: "bad" })).rejects.toMatchObject({ status: 401 });
  });
});
