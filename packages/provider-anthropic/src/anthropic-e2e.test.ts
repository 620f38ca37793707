import { chatResponseToResponses, responsesRequestToChat } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  type ResponsesRequest,
} from "@switchyard/core";
import { createReplayFetch } from "@switchyard/core/testing";
import { createChatToResponsesTranscoder, encodeResponsesEvent } from "@switchyard/stream";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnthropicProvider } from "./anthropic-provider";

// End to end: a Responses request with tools and reasoning goes Responses -> Chat -> this provider -> an msw
// fake of the Messages API, and the answer comes back Chat -> Responses, checked by the openai SDK.

const MODEL = "claude-sonnet-4-5-20250929";
const CLOCK = () => 1_700_000_000_000;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const responsesRequest = (stream: boolean): ResponsesRequest => ({
  model: MODEL,
  input: "What's the weather in Paris?",
  max_output_tokens: 8000,
  reasoning: { effort: "medium" },
  tools: [
    {
      type: "function",
      name: "get_weather",
      description: "Current weather for a city",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      strict: false,
    },
  ],
  stream,
});

const upstreamEvents = [
  {
    type: "message_start",
    message: {
      id: "msg_e2e",
      type: "message",
      role: "assistant",
      model: MODEL,
      content: [],
      usage: { input_tokens: 50, output_tokens: 1 },
    },
  },
  { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } },
  {
    type: "content_block_delta",
    index: 0,
    delta: { type: "thinking_delta", thinking: "I should call get_weather." },
  },
  { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "EqQBsig" } },
  { type: "content_block_stop", index: 0 },
  { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Checking." } },
  { type: "content_block_stop", index: 1 },
  {
    type: "content_block_start",
    index: 2,
    content_block: { type: "tool_use", id: "toolu_e2e", name: "get_weather", input: {} },
  },
  { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '{"city":' } },
  { type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '"Paris"}' } },
  { type: "content_block_stop", index: 2 },
  {
    type: "message_delta",
    delta: { stop_reason: "tool_use", stop_sequence: null },
    usage: { output_tokens: 40 },
  },
  { type: "message_stop" },
];

const upstreamMessage = {
  id: "msg_e2e",
  type: "message",
  role: "assistant",
  model: MODEL,
  content: [
    { type: "thinking", thinking: "I should call get_weather.", signature: "EqQBsig" },
    { type: "text", text: "Checking." },
    { type: "tool_use", id: "toolu_e2e", name: "get_weather", input: { city: "Paris" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 50, output_tokens: 40 },
};

/** The msw fake of the Messages API; it records what it was sent. */
function fakeMessagesApi(seen: Array<Record<string, unknown>>) {
  server.use(
    http.post("https://api.anthropic.com/v1/messages", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      seen.push(body);
      if (body.stream === true)
        return new HttpResponse(
          upstreamEvents.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(""),
          { headers: { "content-type": "text/event-stream" } },
        );
      return HttpResponse.json(upstreamMessage);
    }),
  );
}

const client = (fetch: typeof globalThis.fetch) =>
  new OpenAI({ apiKey: "test", baseURL: "http://gateway.test/v1", fetch });

describe("Responses -> Anthropic -> Responses end to end", () => {
  it("serves a non-streaming Response the openai SDK accepts", async () => {
    const seen: Array<Record<string, unknown>> = [];
    fakeMessagesApi(seen);
    const request = responsesRequest(false);
    const chat = responsesRequestToChat(request).value;
    const { response } = await createAnthropicProvider({ clock: CLOCK }).chat(chat, { apiKey: "sk-ant-e2e" });
    expect(seen[0]).toMatchObject({
      thinking: { type: "enabled", budget_tokens: 4000 },
      tools: [{ name: "get_weather" }],
    });
    const responseObject = chatResponseToResponses(response, {
      request,
      ids: createSequentialIdGenerator(),
      clock: CLOCK,
    }).value;
    const parsed = await client(
      createReplayFetch(JSON.stringify(responseObject), { contentType: "application/json" }),
    ).responses.create({
      model: MODEL,
      input: "What's the weather in Paris?",
    });
    const call = parsed.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ name: "get_weather", call_id: "toolu_e2e" });
    expect(JSON.parse((call as { arguments: string }).arguments)).toEqual({ city: "Paris" });
    expect(parsed.output.some((item) => item.type === "reasoning")).toBe(true);
    expect(parsed.output_text).toBe("Checking.");
  });

  it("streams Responses events that responses.stream().finalResponse() accepts", async () => {
    const seen: Array<Record<string, unknown>> = [];
    fakeMessagesApi(seen);
    const request = responsesRequest(true);
    const chat = responsesRequestToChat(request).value;
    const result = await createAnthropicProvider({ clock: CLOCK }).streamChat(chat, { apiKey: "sk-ant-e2e" });
    expect(seen[0]).toMatchObject({ stream: true, thinking: { type: "enabled", budget_tokens: 4000 } });
    const transcoder = createChatToResponsesTranscoder({
      request,
      ids: createSequentialIdGenerator(),
      clock: CLOCK,
    });
    let wire = "";
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of result.chunks) {
      chunks.push(chunk);
      for (const event of transcoder.push(chunk)) wire += encodeResponsesEvent(event);
    }
    for (const event of transcoder.end()) wire += encodeResponsesEvent(event);
    const stream = client(createReplayFetch(wire)).responses.stream({
      model: MODEL,
      input: "What's the weather in Paris?",
    });
    const final = await stream.finalResponse();
    expect(final.status).toBe("completed");
    const call = final.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ name: "get_weather", call_id: "toolu_e2e" });
    expect(JSON.parse((call as { arguments: string }).arguments)).toEqual({ city: "Paris" });
    expect(final.output.some((item) => item.type === "reasoning")).toBe(true);
    expect(final.output_text).toBe("Checking.");
    expect(final.usage).toMatchObject({ input_tokens: 50, output_tokens: 40 });
  });
});
