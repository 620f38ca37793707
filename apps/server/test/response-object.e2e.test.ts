import type { FunctionTool } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { PROVIDER_CASES } from "./e2e-providers";
import { helloFrom } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";
import { postRaw } from "./raw-client";

const harness = useSharedHarness();

/** The request of the Open Responses compliance test `tool-calling`: a function tool without `strict`. */
const complianceToolRequest = (model: string) => ({
  model,
  input: [{ type: "message", role: "user", content: "What's the weather like in San Francisco?" }],
  tools: [
    {
      type: "function",
      name: "get_weather",
      description: "Get the current weather for a location",
      parameters: {
        type: "object",
        properties: { location: { type: "string", description: "The city and state" } },
        required: ["location"],
      },
    },
    { type: "function", name: "get_time" },
  ],
});

const terminalResponse = (events: { event?: string; data: string }[]): Record<string, unknown> => {
  const terminal = events.find((event) => event.event === "response.completed");
  if (terminal === undefined) throw new Error("the stream has no response.completed event");
  return (JSON.parse(terminal.data) as { response: Record<string, unknown> }).response;
};

describe.each(PROVIDER_CASES)("the Response object on $provider", (provider) => {
  // Read raw: the official SDK computes `output_text` itself, which would hide a missing field.
  it("carries output_text in the body and in response.completed", async () => {
    const request = { model: provider.model, input: "Say hello" };
    const whole = await postRaw(harness.url, "/v1/responses", request);
    expect(whole.status).toBe(200);
    expect(whole.json["output_text"]).toBe(helloFrom(provider.responsesProtocol));
    const streamed = await postRaw(harness.url, "/v1/responses", { ...request, stream: true });
    expect(terminalResponse(streamed.events)["output_text"]).toBe(helloFrom(provider.responsesProtocol));
  });
});

// The native OpenAI passthrough relays OpenAI's own echo of the tools; every translated provider builds it.
describe.each(PROVIDER_CASES.filter((provider) => provider.provider !== "openai"))(
  "echoed tools on $provider",
  (provider) => {
    it("carry every field of OpenAI's function tool, null where absent, through the SDK", async () => {
      const request = complianceToolRequest(provider.model);
      const response = await harness.client.responses.create(
        request as Parameters<typeof harness.client.responses.create>[0] & { stream?: false },
      );
      const expected: FunctionTool[] = [
        { ...request.tools[0], strict: null } as FunctionTool,
        { type: "function", name: "get_time", description: null, parameters: null, strict: null },
      ];
      expect(response.tools).toEqual(expected);
      expect(response.output.some((item) => item.type === "function_call")).toBe(true);
      const streamed = await postRaw(harness.url, "/v1/responses", { ...request, stream: true });
      expect(terminalResponse(streamed.events)["tools"]).toEqual(expected);
    });
  },
);
