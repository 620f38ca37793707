import { Agent, OpenAIResponsesModel, Runner, tool } from "@openai/agents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { PROVIDER_CASES } from "./e2e-providers";
import { afterTool } from "./fakes/fake-reply";
import { type Harness, startHarness } from "./gateway-harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

describe.each(PROVIDER_CASES)("@openai/agents through /v1/responses on $provider", (provider) => {
  it.each([false, true])("runs an agent with one tool to completion (stream: %s)", async (stream) => {
    harness.reset();
    const cities: string[] = [];
    const getWeather = tool({
      name: "get_weather",
      description: "Weather in a city",
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        cities.push(city);
        return `sunny in ${city}`;
      },
    });
    const agent = new Agent({
      name: "weather",
      instructions: "Answer with the weather.",
      model: new OpenAIResponsesModel(harness.client, provider.model),
      tools: [getWeather],
    });
    const runner = new Runner({ tracingDisabled: true });
    let finalOutput: unknown;
    if (stream) {
      const result = await runner.run(agent, "Weather in Paris?", { stream: true });
      for await (const _event of result) {
        // Drain the stream; the run completes when it ends.
      }
      await result.completed;
      finalOutput = result.finalOutput;
    } else {
      finalOutput = (await runner.run(agent, "Weather in Paris?")).finalOutput;
    }
    expect(cities).toEqual(["Paris"]);
    expect(finalOutput).toBe(afterTool("sunny in Paris"));
    // Two model calls reached the provider's upstream: the tool call, then the answer.
    expect(harness.fakes[provider.fake].requests).toHaveLength(2);
  });
});
