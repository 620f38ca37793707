import { createFetchTransport } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createGoogleProvider } from "./gemini-provider";

// Pages shaped as https://ai.google.dev/api/models#method:-models.list documents them.
const FIRST_PAGE = {
  models: [
    {
      name: "models/gemini-2.0-flash",
      version: "2.0",
      displayName: "Gemini 2.0 Flash",
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 8_192,
      supportedGenerationMethods: ["generateContent", "countTokens"],
    },
    {
      name: "models/gemini-embedding-001",
      version: "001",
      displayName: "Gemini Embedding 001",
      inputTokenLimit: 2_048,
      outputTokenLimit: 1,
      supportedGenerationMethods: ["embedContent", "countTextTokens"],
    },
  ],
  nextPageToken: "page-2",
};
const SECOND_PAGE = {
  models: [
    {
      name: "models/gemini-2.5-pro",
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: ["generateContent"],
      thinking: true,
    },
  ],
};

describe("Gemini listModels", () => {
  it("reads every page and keeps the models generateContent serves, ids without the models/ prefix", async () => {
    const urls: string[] = [];
    const transport = createFetchTransport(async (input, init) => {
      urls.push(String(input));
      expect(init?.headers).toMatchObject({ "x-goog-api-key": "gemini-key" });
      const page = String(input).includes("pageToken=") ? SECOND_PAGE : FIRST_PAGE;
      return new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });
    });
    const provider = createGoogleProvider({ baseUrl: "https://gemini.test", transport });
    expect(await provider.listModels!({ apiKey: "gemini-key" })).toEqual([
      { id: "gemini-2.0-flash", contextWindow: 1_048_576, maxOutputTokens: 8_192 },
      { id: "gemini-2.5-pro", contextWindow: 1_048_576, maxOutputTokens: 65_536, reasoning: true },
    ]);
    expect(urls).toEqual([
      "https://gemini.test/v1beta/models?pageSize=1000",
      "https://gemini.test/v1beta/models?pageSize=1000&pageToken=page-2",
    ]);
  });
});
