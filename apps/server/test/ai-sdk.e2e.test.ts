import { createOpenAI } from "@ai-sdk/openai";
import { generateText, stepCountIs, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { afterTool } from "./fakes/fake-reply";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

interface GeminiRequest {
  contents: { role: string; parts: { functionCall?: unknown; thoughtSignature?: string }[] }[];
}

describe("the Vercel AI SDK on /v1/responses (defaults, openai.responses)", () => {
  it("completes a multi-step tool loop on a Gemini-served reasoning model, item_reference included", async () => {
    const openai = createOpenAI({ apiKey: CLIENT_KEY, baseURL: `${harness.url}/v1` });
    const weather = JSON.stringify({ city: "Paris", temp: 21 });
    const result = await generateText({
      model: openai.responses("gemini-2.5-flash"),
      prompt: "weather in Paris?",
      tools: {
        weather: tool({
          description: "Get the weather",
          inputSchema: z.object({ city: z.string() }),
          execute: async () => weather,
        }),
      },
      stopWhen: stepCountIs(4),
    });
    expect(result.text).toBe(afterTool(weather));
    expect(result.steps).toHaveLength(2);
    // The second step referred to the first step's stored items; the gateway resolved them, so Gemini got
    // its own thought signature back on the function call.
    const secondStep = harness.fakes.gemini.requests.at(-1)!.body as GeminiRequest;
    const call = secondStep.contents.flatMap((content) => content.parts).find((part) => part.functionCall);
    expect(call?.thoughtSignature).toBe("sig-fake");
  });
});
