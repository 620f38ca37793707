import type OpenAI from "openai";
import type {
  Response,
  ResponseCreateParamsNonStreaming,
  ResponseFunctionToolCall,
  ResponseInputItem,
  ResponseStreamEvent,
} from "openai/resources/responses/responses";
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

type Params = ResponseCreateParamsNonStreaming;
type WithRouting = Response & {
  routing_metadata?: { provider: string; model_canonical: string; cost?: unknown };
};

/** Sends a request streamed (through the SDK's stream helper, which rejects malformed sequences) or not. */
async function respond(
  client: OpenAI,
  params: Params,
  stream: boolean,
): Promise<{ response: WithRouting; events: ResponseStreamEvent[] }> {
  if (!stream) return { response: await client.responses.create(params), events: [] };
  const runner = client.responses.stream({ ...params, stream: true });
  const events: ResponseStreamEvent[] = [];
  for await (const event of runner) events.push(event);
  return { response: await runner.finalResponse(), events };
}

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Weather in a city",
  parameters: WEATHER_PARAMETERS,
  strict: true,
};

const functionCallOf = (response: Response): ResponseFunctionToolCall | undefined =>
  response.output.find((item): item is ResponseFunctionToolCall => item.type === "function_call");

interface Scenario {
  name: string;
  params(provider: ProviderCase): Params;
  check(response: Response, provider: ProviderCase): void;
}

const scenarios: Scenario[] = [
  {
    name: "text",
    params: (provider) => ({ model: provider.model, input: "Say hello", instructions: "Be brief." }),
    check: (response, provider) => {
      expect(response.output_text).toBe(helloFrom(provider.responsesProtocol));
      expect(response.status).toBe("completed");
    },
  },
  {
    name: "a tool call",
    params: (provider) => ({ model: provider.model, input: "Weather in Paris?", tools: [weatherTool] }),
    check: (response) => {
      const call = functionCallOf(response);
      expect(call?.name).toBe("get_weather");
      expect(JSON.parse(call?.arguments ?? "")).toEqual(TOOL_ARGUMENTS);
      expect(call?.call_id).toBeTruthy();
    },
  },
  {
    name: "structured output",
    params: (provider) => ({
      model: provider.model,
      input: "Weather in Paris as JSON",
      text: {
        format: provider.jsonSchema
          ? { type: "json_schema", name: "weather", schema: WEATHER_SCHEMA, strict: true }
          : { type: "json_object" },
      },
    }),
    check: (response) => {
      expect(JSON.parse(response.output_text)).toEqual(STRUCTURED_ANSWER);
    },
  },
  {
    name: "reasoning",
    params: (provider) => ({
      model: provider.reasoningModel,
      input: "Think, then answer",
      reasoning: { effort: "low", summary: "auto" },
    }),
    check: (response, provider) => {
      const reasoning = response.output.find((item) => item.type === "reasoning");
      expect(JSON.stringify(reasoning)).toContain(REASONING_TEXT);
      expect(response.output_text).toBe(helloFrom(provider.responsesProtocol));
    },
  },
];

describe.each(PROVIDER_CASES)("POST /v1/responses on $provider", (provider) => {
  describe.each([false, true])("stream: %s", (stream) => {
    it.each(scenarios)("serves $name", async (scenario) => {
      const params = scenario.params(provider);
      const { response, events } = await respond(harness.client, params, stream);
      scenario.check(response, provider);
      expect(harness.fakes[provider.fake].lastRequest.body).not.toHaveProperty("gateway");
      const terminal = stream ? (events.at(-1) as { type: string; response: WithRouting }) : undefined;
      if (terminal !== undefined) expect(terminal.type).toBe("response.completed");
      const metadata = (terminal?.response ?? response).routing_metadata;
      expect(metadata).toMatchObject({ provider: provider.provider, model_canonical: params.model });
      expect(metadata?.cost).toMatchObject({ usd: expect.any(Number) });
    });

    it("runs a two-turn tool loop with function_call_output", async () => {
      const first = await respond(harness.client, scenarios[1]!.params(provider), stream);
      const call = functionCallOf(first.response)!;
      const input: ResponseInputItem[] = [
        { role: "user", content: "Weather in Paris?" },
        { type: "function_call", call_id: call.call_id, name: call.name, arguments: call.arguments },
        { type: "function_call_output", call_id: call.call_id, output: TOOL_OUTPUT },
      ];
      const second = await respond(
        harness.client,
        { model: provider.model, input, tools: [weatherTool] },
        stream,
      );
      expect(second.response.output_text).toBe(afterTool(TOOL_OUTPUT));
    });
  });
});
