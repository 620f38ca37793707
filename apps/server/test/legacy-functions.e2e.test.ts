import type OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { PROVIDER_CASES, TOOL_OUTPUT, WEATHER_PARAMETERS } from "./e2e-providers";
import { afterTool, TOOL_ARGUMENTS } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

const weatherFunction = {
  name: "get_weather",
  description: "Weather in a city",
  parameters: WEATHER_PARAMETERS,
};

/** Sends the request whole, or streamed through the SDK's stream helper, which folds `function_call` deltas. */
async function complete(
  client: OpenAI,
  params: ChatCompletionCreateParamsNonStreaming,
  stream: boolean,
): Promise<ChatCompletion> {
  if (!stream) return client.chat.completions.create(params);
  const runner = client.chat.completions.stream({ ...params, stream: true });
  for await (const _chunk of runner) {
    // drained; the helper validates the sequence
  }
  return runner.finalChatCompletion();
}

describe.each(PROVIDER_CASES)("deprecated functions on $provider", (provider) => {
  describe.each([false, true])("stream: %s", (stream) => {
    it("are served as tools and answered with message.function_call", async () => {
      const completion = await complete(
        harness.client,
        {
          model: provider.model,
          messages: [{ role: "user", content: "Weather in Paris?" }],
          functions: [weatherFunction],
          function_call: { name: "get_weather" },
        },
        stream,
      );
      const choice = completion.choices[0]!;
      expect(choice.finish_reason).toBe("function_call");
      expect(choice.message.function_call?.name).toBe("get_weather");
      // The Anthropic fake answers a forced tool with its structured-output JSON, which also names the city.
      expect(JSON.parse(choice.message.function_call?.arguments ?? "")).toMatchObject(TOOL_ARGUMENTS);
      expect(choice.message.tool_calls ?? []).toEqual([]);
      const upstream = harness.fakes[provider.fake].lastRequest.body as Record<string, unknown>;
      expect(upstream).not.toHaveProperty("functions");
      expect(upstream).not.toHaveProperty("function_call");
    });

    it("carry a legacy history (assistant function_call, then a function message) to the next turn", async () => {
      const messages: ChatCompletionMessageParam[] = [
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: null,
          function_call: { name: "get_weather", arguments: '{"city":"Paris"}' },
        },
        { role: "function", name: "get_weather", content: TOOL_OUTPUT },
      ];
      const completion = await complete(
        harness.client,
        { model: provider.model, messages, functions: [weatherFunction] },
        stream,
      );
      expect(completion.choices[0]!.message.content).toBe(afterTool(TOOL_OUTPUT));
      expect(completion.choices[0]!.finish_reason).toBe("stop");
    });
  });
});
