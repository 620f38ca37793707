import type {
  ContentBlock,
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
} from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { TOOL_OUTPUT } from "./e2e-providers";
import { ANTHROPIC_FAKE_TOKEN_COUNT } from "./fakes/anthropic-fake";
import { afterTool, helloFrom, REASONING_TEXT, TOOL_ARGUMENTS } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";
import { anthropicClient, MESSAGES_PROVIDER_CASES, sendMessage, WEATHER_TOOL } from "./messages-client";

const harness = useSharedHarness();

const blocksOf = <Type extends ContentBlock["type"]>(message: Message, type: Type) =>
  message.content.filter((block): block is Extract<ContentBlock, { type: Type }> => block.type === type);

const weatherQuestion = (model: string): MessageCreateParamsNonStreaming => ({
  model,
  max_tokens: 1024,
  messages: [{ role: "user", content: "Weather in Paris?" }],
  tools: [WEATHER_TOOL],
});

/** The second turn of a tool loop: the assistant's answer as received, then the tool's result. */
const toolResultTurn = (first: MessageCreateParamsNonStreaming, answer: Message): MessageParam[] => {
  const call = blocksOf(answer, "tool_use")[0]!;
  return [
    ...first.messages,
    { role: "assistant", content: answer.content },
    { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: TOOL_OUTPUT }] },
  ];
};

describe.each(MESSAGES_PROVIDER_CASES)("POST /v1/messages on $provider", (provider) => {
  describe.each([false, true])("stream: %s", (stream) => {
    it("answers text", async () => {
      const client = anthropicClient(harness);
      const message = await sendMessage(
        client,
        { model: provider.model, max_tokens: 256, messages: [{ role: "user", content: "Say hello" }] },
        stream,
      );
      expect(message).toMatchObject({ type: "message", role: "assistant", stop_reason: "end_turn" });
      expect(blocksOf(message, "text").map((block) => block.text)).toEqual([
        helloFrom(provider.chatProtocol),
      ]);
      expect(message.usage.output_tokens).toBe(7);
      const upstream = harness.fakes[provider.fake].lastRequest;
      expect(upstream.body).not.toHaveProperty("gateway");
      // The log line is written when the response closes, which may follow the client's last byte.
      await expect
        .poll(() => harness.logLines.find((entry) => entry["path"] === "/v1/messages"))
        .toMatchObject({
          status: 200,
          provider: provider.provider,
          model: provider.model,
          cost_usd: expect.any(Number),
        });
      const metrics = await (await fetch(`${harness.url}/metrics`)).text();
      expect(metrics).toContain(
        `switchyard_requests_total{route="/v1/messages",status="200",provider="${provider.provider}",model="${provider.model}"}`,
      );
    });

    it("runs a two-turn tool loop with tool_result", async () => {
      const client = anthropicClient(harness);
      const first = weatherQuestion(provider.model);
      const answer = await sendMessage(client, first, stream);
      expect(answer.stop_reason).toBe("tool_use");
      const call = blocksOf(answer, "tool_use")[0]!;
      expect(call).toMatchObject({ name: "get_weather", input: TOOL_ARGUMENTS });
      expect(call.id).toBeTruthy();
      const second = await sendMessage(client, { ...first, messages: toolResultTurn(first, answer) }, stream);
      expect(second.stop_reason).toBe("end_turn");
      expect(blocksOf(second, "text").map((block) => block.text)).toEqual([afterTool(TOOL_OUTPUT)]);
    });

    it("returns thinking blocks first", async () => {
      const client = anthropicClient(harness);
      const message = await sendMessage(
        client,
        {
          model: provider.reasoningModel,
          max_tokens: 4096,
          thinking: { type: "enabled", budget_tokens: 2048 },
          messages: [{ role: "user", content: "Think, then answer" }],
        },
        stream,
      );
      expect(message.content[0]).toMatchObject({ type: "thinking", thinking: REASONING_TEXT });
      expect(blocksOf(message, "text").map((block) => block.text)).toEqual([
        helloFrom(provider.chatProtocol),
      ]);
      // Only Claude signs its thinking; the Anthropic fake signs with "sig-fake".
      if (provider.native) expect(blocksOf(message, "thinking")[0]!.signature).toBe("sig-fake");
    });
  });

  it("counts tokens (exact through Anthropic, estimated elsewhere)", async () => {
    const client = anthropicClient(harness);
    const { data, response } = await client.messages
      .countTokens({
        model: provider.model,
        system: "You are terse.",
        messages: [{ role: "user", content: "How many tokens is this sentence?" }],
        tools: [WEATHER_TOOL],
      })
      .withResponse();
    if (provider.native) {
      expect(data).toEqual({ input_tokens: ANTHROPIC_FAKE_TOKEN_COUNT });
      expect(response.headers.get("x-switchyard-token-count")).toBeNull();
      expect(harness.fakes.anthropic.lastRequest.url).toBe("/v1/messages/count_tokens");
    } else {
      expect(data).toMatchObject({ input_tokens: expect.any(Number), estimated: true });
      expect(data.input_tokens).toBeGreaterThan(20);
      expect(data.input_tokens).toBeLessThan(200);
      expect(response.headers.get("x-switchyard-token-count")).toBe("estimated");
      expect(harness.fakes[provider.fake].requests).toHaveLength(0);
    }
    expect(response.headers.get("x-switchyard-provider")).toBe(provider.provider);
  });
});

describe("thinking across a tool loop", () => {
  const thinkingToolTurn = (model: string): MessageCreateParamsNonStreaming => ({
    ...weatherQuestion(model),
    max_tokens: 4096,
    thinking: { type: "enabled", budget_tokens: 2048 },
  });

  it.each([false, true])(
    "DeepSeek: reasoning comes back as thinking and goes upstream again as reasoning_content (stream: %s)",
    async (stream) => {
      const client = anthropicClient(harness);
      const first = thinkingToolTurn("deepseek-v4-pro");
      const answer = await sendMessage(client, first, stream);
      expect(answer.content.map((block) => block.type)).toEqual(["thinking", "tool_use"]);
      // DeepSeek does not sign its reasoning.
      expect(answer.content[0]).toEqual({ type: "thinking", thinking: REASONING_TEXT, signature: "" });
      await sendMessage(client, { ...first, messages: toolResultTurn(first, answer) }, stream);
      const upstream = harness.fakes.deepseek.lastRequest.body as {
        messages: { role: string; reasoning_content?: string; tool_calls?: unknown[] }[];
      };
      const assistant = upstream.messages.find((message) => message.role === "assistant");
      expect(assistant).toMatchObject({ reasoning_content: REASONING_TEXT, tool_calls: [expect.anything()] });
    },
  );

  it.each([false, true])(
    "Gemini: the thought signature survives the round trip inside the thinking block (stream: %s)",
    async (stream) => {
      const client = anthropicClient(harness);
      const first = thinkingToolTurn("gemini-2.5-flash");
      const answer = await sendMessage(client, first, stream);
      const thinking = blocksOf(answer, "thinking");
      expect(thinking.map((block) => block.thinking).join("")).toBe(REASONING_TEXT);
      // The signature is Switchyard's envelope of Gemini's reasoning state, opaque to the client.
      expect(thinking.some((block) => block.signature.startsWith("switchyard.reasoning_details.v1:"))).toBe(
        true,
      );
      await sendMessage(client, { ...first, messages: toolResultTurn(first, answer) }, stream);
      const upstream = harness.fakes.gemini.lastRequest.body as {
        contents: { role: string; parts: { functionCall?: unknown; thoughtSignature?: string }[] }[];
      };
      const call = upstream.contents
        .flatMap((content) => content.parts)
        .find((part) => part.functionCall !== undefined);
      expect(call?.thoughtSignature).toBe("sig-fake");
    },
  );

  it("Anthropic: the signed thinking block goes back upstream exactly as received", async () => {
    const client = anthropicClient(harness);
    const first = thinkingToolTurn("claude-sonnet-4-6");
    const answer = await sendMessage(client, first, true);
    expect(answer.content[0]).toEqual({ type: "thinking", thinking: REASONING_TEXT, signature: "sig-fake" });
    await sendMessage(client, { ...first, messages: toolResultTurn(first, answer) }, false);
    const upstream = harness.fakes.anthropic.lastRequest.body as { messages: MessageParam[] };
    expect(upstream.messages[1]!.content).toEqual(answer.content);
  });
});
