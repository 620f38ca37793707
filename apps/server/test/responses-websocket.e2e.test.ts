import { describe, expect, it } from "vitest";
import { PROVIDER_CASES, TOOL_OUTPUT, WEATHER_PARAMETERS } from "./e2e-providers";
import { afterTool, helloFrom } from "./fakes/fake-reply";
import { failWith } from "./fakes/fake-upstream";
import { useSharedHarness } from "./gateway-harness";
import { SocketClient, textOf } from "./responses-socket-client";

const harness = useSharedHarness();

/** The models the acceptance names: Claude-, Gemini- and DeepSeek-served, plus OpenAI's native path. */
const CASES = PROVIDER_CASES.filter((provider) =>
  ["anthropic", "google", "deepseek", "openai"].includes(provider.provider),
);
const TRANSLATED = CASES.filter((provider) => provider.provider !== "openai");

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Weather in a city",
  parameters: WEATHER_PARAMETERS,
  strict: true,
};

const withClient = async (run: (client: SocketClient) => Promise<void>) => {
  const client = new SocketClient(harness.client);
  try {
    await client.opened();
    await run(client);
  } finally {
    client.close();
  }
};

describe.each(CASES)("WebSocket mode on $provider ($model)", (provider) => {
  it("answers one response.create with the events of the SSE stream, one message each", async () => {
    const params = { model: provider.model, input: "Say hello", store: false };
    const sse: { type: string }[] = [];
    for await (const event of await harness.client.responses.create({ ...params, stream: true }))
      sse.push(event);
    await withClient(async (client) => {
      const turn = await client.turn(params);
      expect(turn.last.type).toBe("response.completed");
      expect(textOf(turn)).toBe(helloFrom(provider.responsesProtocol));
      expect(turn.events.map((event) => event.type)).toEqual(sse.map((event) => event.type));
      expect(turn.events.every((event) => event.stream_id === undefined)).toBe(true);
    });
  });

  it("serves three responses one after another on one connection", async () => {
    await withClient(async (client) => {
      const ids = [];
      for (let index = 0; index < 3; index++) {
        const turn = await client.turn({ model: provider.model, input: `Say hello ${index}`, store: false });
        expect(turn.last.type).toBe("response.completed");
        expect(textOf(turn)).toBe(helloFrom(provider.responsesProtocol));
        ids.push(turn.response!.id);
      }
      // A translated response gets a fresh gateway id; a native one keeps the upstream's (the fake has one).
      if (provider.provider !== "openai") expect(new Set(ids).size).toBe(3);
    });
  });
});

describe.each(TRANSLATED)("WebSocket continuations on $provider ($model)", (provider) => {
  const fake = () => harness.fakes[provider.fake];

  it("continues a store: false chain from the connection cache with only the new input", async () => {
    await withClient(async (client) => {
      const first = await client.turn({
        model: provider.model,
        input: "Weather in Paris?",
        tools: [weatherTool],
        store: false,
      });
      const call = first.response!.output.find((item) => item.type === "function_call");
      expect(call?.type).toBe("function_call");
      const second = await client.turn({
        model: provider.model,
        previous_response_id: first.response!.id,
        input: [
          {
            type: "function_call_output",
            call_id: call!.type === "function_call" ? call!.call_id : "",
            output: TOOL_OUTPUT,
          },
        ],
        tools: [weatherTool],
        store: false,
      });
      expect(second.last.type).toBe("response.completed");
      expect(textOf(second)).toBe(afterTool(TOOL_OUTPUT));
      expect(second.response!.previous_response_id).toBe(first.response!.id);
      // The upstream saw the whole conversation: the first user turn travelled from the connection's cache.
      expect(fake().lastRequest.rawBody).toContain("Weather in Paris?");
    });
  });

  it("answers previous_response_not_found on a new connection", async () => {
    let id = "";
    await withClient(async (client) => {
      const turn = await client.turn({ model: provider.model, input: "Say hello", store: false });
      id = turn.response!.id;
    });
    await withClient(async (client) => {
      const turn = await client.turn({
        model: provider.model,
        previous_response_id: id,
        input: "Again",
        store: false,
      });
      expect(turn.last).toMatchObject({
        type: "error",
        status: 400,
        error: { code: "previous_response_not_found", param: "previous_response_id" },
      });
    });
  });

  it("evicts the previous response after a failed continuation", async () => {
    await withClient(async (client) => {
      const first = await client.turn({ model: provider.model, input: "Say hello", store: false });
      const id = first.response!.id;
      fake().script(failWith(400, { error: { message: "bad request", type: "invalid_request_error" } }));
      const failed = await client.turn({
        model: provider.model,
        previous_response_id: id,
        input: "Next",
        store: false,
      });
      expect(failed.last.type).toBe("error");
      const retried = await client.turn({
        model: provider.model,
        previous_response_id: id,
        input: "Next",
        store: false,
      });
      expect(retried.last).toMatchObject({ type: "error", error: { code: "previous_response_not_found" } });
    });
  });
});
