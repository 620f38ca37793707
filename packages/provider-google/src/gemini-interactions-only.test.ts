import { createFetchTransport, GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createGoogleProvider } from "./gemini-provider";

describe("models only the Interactions API serves", () => {
  it("refuses a Deep Research agent with a 400 naming why, before any upstream call", async () => {
    let calls = 0;
    const transport = createFetchTransport(async () => {
      calls++;
      return new Response("{}");
    });
    const provider = createGoogleProvider({ baseUrl: "https://gemini.test", transport });
    const request = {
      model: "deep-research-pro-preview-12-2025",
      messages: [{ role: "user" as const, content: "hi" }],
    };
    const failure = provider.chat(request, { apiKey: "key" });
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(failure).rejects.toMatchObject({
      status: 400,
      code: "interactions_api_only",
      param: "model",
    });
    expect(calls).toBe(0);
  });
});
