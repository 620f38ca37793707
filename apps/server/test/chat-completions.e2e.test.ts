import type OpenAI from "openai";
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import {
  PROVIDER_CASES,
  type ProviderCase,
  TOOL_OUTPUT,
  WEATHER_PARAMETERS,
  WEATHER_SCHEMA,
} from "./e2e-providers";
import { afterTool, helloFrom, REASONING_TEXT, STRUCTURED_ANSWER, TOOL_ARGUMENTS } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

type Params = ChatCompletionCreateParamsNonStreaming;

/** Sends a request streamed (through the SDK's stream helper, which rejects malformed sequences) or not. */
async function complete(
  client: OpenAI,
  params: Params,
  stream: boolean,
): Promise<{ completion: ChatCompletion; chunks: ChatCompletionChunk[] }> {
  if (!stream) return { completion: await client.chat.completions.create(params), chunks: [] };
  const runner = client.chat.completions.stream({ ...params, stream: true });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of runner) chunks.push(chunk);
  return { completion: await runner.finalChatCompletion(), chunks };
}

const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather in a city", parameters: WEATHER_PARAMETERS },
};

interface Scenario {
  name: string;
  params(provider: ProviderCase): Params;
  check(completion: ChatCompletion, provider: ProviderCase, chunks: ChatCompletionChunk[]): void;
}

const scenarios: Scenario[] = [
  {
    name: "text",
    params: (provider) => ({ model: provider.model, messages: [{ role: "user", content: "Say hello" }] }),
    check: (completion, provider) => {
      expect(completion.choices[0]!.message.content).toBe(helloFrom(provider.chatProtocol));
      expect(completion.choices[0]!.finish_reason).toBe("stop");
    },
  },
  {
    name: "a tool call",
    params: (provider) => ({
      model: provider.model,
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [weatherTool],
    }),
    check: (completion) => {
      const call = completion.choices[0]!.message.tool_calls?.[0];
      expect(call?.type).toBe("function");
      if (call?.type !== "function") return;
      expect(call.function.name).toBe("get_weather");
      expect(JSON.parse(call.function.arguments)).toEqual(TOOL_ARGUMENTS);
      expect(call.id).toBeTruthy();
      expect(completion.choices[0]!.finish_reason).toBe("tool_calls");
    },
  },
  {
    name: "structured output",
    params: (provider) => ({
      model: provider.model,
      messages: [{ role: "user", content: "Weather in Paris as JSON" }],
      response_format: provider.jsonSchema
        ? { type: "json_schema", json_schema: { name: "weather", schema: WEATHER_SCHEMA, strict: true } }
        : { type: "json_object" },
    }),
    check: (completion) => {
      expect(JSON.parse(completion.choices[0]!.message.content ?? "")).toEqual(STRUCTURED_ANSWER);
    },
  },
  {
    name: "reasoning",
    params: (provider) => ({
      model: provider.reasoningModel,
      messages: [{ role: "user", content: "Think, then answer" }],
      reasoning_effort: "low",
    }),
    check: (completion, provider, chunks) => {
      const message = completion.choices[0]!.message as {
        content: string | null;
        reasoning_content?: string;
      };
      // The SDK's stream helper keeps only the last fragment of extension fields, so streams are joined here.
      const reasoning =
        chunks.length === 0
          ? message.reasoning_content
          : chunks
              .map(
                (chunk) =>
                  (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)
                    ?.reasoning_content ?? "",
              )
              .join("");
      expect(reasoning).toBe(REASONING_TEXT);
      expect(message.content).toBe(helloFrom(provider.chatProtocol));
    },
  },
];

describe.each(PROVIDER_CASES)("POST /v1/chat/completions on $provider", (provider) => {
  describe.each([false, true])("stream: %s", (stream) => {
    it.each(scenarios)("serves $name", async (scenario) => {
      const { completion, chunks } = await complete(harness.client, scenario.params(provider), stream);
      scenario.check(completion, provider, chunks);
      const upstream = harness.fakes[provider.fake].lastRequest;
      expect(upstream.body).not.toHaveProperty("gateway");
      if (stream) {
        // The final chunk has no choices and carries usage and routing_metadata, though usage was not asked.
        const final = chunks.at(-1) as ChatCompletionChunk & { routing_metadata?: { provider: string } };
        expect(final.choices).toEqual([]);
        expect(final.routing_metadata?.provider).toBe(provider.provider);
        expect(final.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: expect.any(Number) });
      } else {
        const metadata = (completion as ChatCompletion & { routing_metadata: Record<string, unknown> })
          .routing_metadata;
        expect(metadata).toMatchObject({
          provider: provider.provider,
          model_canonical: scenario.params(provider).model,
        });
        expect(metadata["cost"]).toMatchObject({ usd: expect.any(Number) });
      }
    });

    it("runs a two-turn tool loop", async () => {
      const first = await complete(harness.client, scenarios[1]!.params(provider), stream);
      const assistant = first.completion.choices[0]!.message;
      const call = assistant.tool_calls![0]!;
      const second = await complete(
        harness.client,
        {
          model: provider.model,
          tools: [weatherTool],
          messages: [
            { role: "user", content: "Weather in Paris?" },
            { role: "assistant", content: assistant.content, tool_calls: assistant.tool_calls! },
            { role: "tool", tool_call_id: call.id, content: TOOL_OUTPUT },
          ],
        },
        stream,
      );
      expect(second.completion.choices[0]!.message.content).toBe(afterTool(TOOL_OUTPUT));
    });
  });
});
