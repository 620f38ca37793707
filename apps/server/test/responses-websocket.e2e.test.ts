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

/** How the gateway hands a compaction to a model: a user message opening with this line, then the summary. */
const SUMMARY_HEADER = "Summary of the earlier conversation";

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

  it("starts a new chain from a compacted input and continues it", async () => {
    const compacted = await harness.client.responses.compact({
      model: provider.model,
      input: "The code word is heron.",
    });
    expect(compacted.output.at(-1)?.type).toBe("compaction");
    // The fake wrote the summary: its plain hello, what it answers every text turn with.
    const summary = helloFrom(provider.responsesProtocol);
    await withClient(async (client) => {
      const base = await client.turn({
        model: provider.model,
        input: [...compacted.output, { role: "user", content: "What was the code word?" }] as never,
        store: false,
      });
      expect(base.last.type).toBe("response.completed");
      // The compaction reached the model as its summary, which the fake wrote when it compacted.
      expect(fake().lastRequest.rawBody).toContain(SUMMARY_HEADER);
      expect(fake().lastRequest.rawBody).toContain(summary);
      const next = await client.turn({
        model: provider.model,
        previous_response_id: base.response!.id,
        input: "And spell it.",
        store: false,
      });
      expect(next.last.type).toBe("response.completed");
      expect(fake().lastRequest.rawBody).toContain(SUMMARY_HEADER);
      expect(fake().lastRequest.rawBody).toContain("And spell it.");
    });
  });

  it("stores a store: true response, which another connection and HTTP continue", async () => {
    let firstId = "";
    await withClient(async (client) => {
      const first = await client.turn({
        model: provider.model,
        input: "Remember the word lantern",
        store: true,
      });
      expect(first.last.type).toBe("response.completed");
      firstId = first.response!.id;
      const second = await client.turn({
        model: provider.model,
        previous_response_id: firstId,
        input: "Noted?",
        store: true,
      });
      expect(second.response!.previous_response_id).toBe(firstId);
      // Stored before its terminal event went out: HTTP finds the chain at once.
      const retrieved = await harness.client.responses.retrieve(second.response!.id);
      expect(retrieved.previous_response_id).toBe(firstId);
    });
    await withClient(async (client) => {
      const later = await client.turn({
        model: provider.model,
        previous_response_id: firstId,
        input: "Which word?",
        store: true,
      });
      expect(later.last.type).toBe("response.completed");
      // Resolved from the store on a connection that never saw it.
      expect(fake().lastRequest.rawBody).toContain("Remember the word lantern");
    });
  });
});
