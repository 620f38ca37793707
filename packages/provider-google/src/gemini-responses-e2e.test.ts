import { chatResponseToResponses, responsesRequestToChat } from "@switchyard/chat-responses";
import {
  createSequentialIdGenerator,
  type ResponseObject,
  type ResponseStreamEvent,
  type ResponsesRequest,
} from "@switchyard/core";
import { createReplayFetch } from "@switchyard/core/testing";
import { createChatToResponsesTranscoder, encodeResponsesEvent } from "@switchyard/stream";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGoogleProvider } from "./gemini-provider";

// A Responses request with tools, served by a fake generateContent, must give a Response and an event
// stream that the official `openai` SDK helpers accept; the thought signature must survive the tool loop.

const base = "https://generativelanguage.googleapis.com";
const signature = "R0VNSU5JLVNJRw==";
const clock = () => 1_700_000_000_000;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const callPart = {
  functionCall: { name: "get_weather", args: { city: "Paris" } },
  thoughtSignature: signature,
};
const usageMetadata = {
  promptTokenCount: 20,
  candidatesTokenCount: 6,
  thoughtsTokenCount: 30,
  totalTokenCount: 56,
};

/** Serves a function call (after a thought) and records the request bodies Gemini received. */
function fakeGemini(): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${base}/v1beta/models/*`, async ({ request }) => {
      bodies.push(await request.json());
      const frames = [
        {
          candidates: [
            { content: { role: "model", parts: [{ text: "Need the weather.", thought: true }] }, index: 0 },
          ],
        },
        { candidates: [{ content: { role: "model", parts: [callPart] }, index: 0 }] },
        {
          candidates: [{ content: { role: "model", parts: [{ text: "" }] }, finishReason: "STOP", index: 0 }],
          usageMetadata,
        },
      ].map((frame) => ({ ...frame, modelVersion: "gemini-3-flash-preview", responseId: "gem-1" }));
      if (request.url.endsWith(":generateContent")) {
        return HttpResponse.json({
          candidates: [
            {
              content: { role: "model", parts: [{ text: "Need the weather.", thought: true }, callPart] },
              finishReason: "STOP",
              index: 0,
            },
          ],
          usageMetadata,
          modelVersion: "gemini-3-flash-preview",
          responseId: "gem-1",
        });
      }
      return new HttpResponse(frames.map((frame) => `data: ${JSON.stringify(frame)}\r\n\r\n`).join(""), {
        headers: { "content-type": "text/event-stream" },
      });
    }),
  );
  return bodies;
}

const tools: ResponsesRequest["tools"] = [
  {
    type: "function",
    name: "get_weather",
    description: "Current weather for a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
    strict: true,
  },
];

const client = (fetch: typeof globalThis.fetch) =>
  new OpenAI({ apiKey: "test", baseURL: "http://gateway.test/v1", fetch });

const google = () => createGoogleProvider({ ids: createSequentialIdGenerator(), clock });

describe("Responses over Gemini, end to end", () => {
  it("serves a non-streaming Responses request with tools, and the signature survives the next turn", async () => {
    const bodies = fakeGemini();
    const request: ResponsesRequest = { model: "gemini-3-flash-preview", input: "Weather in Paris?", tools };
    const chatRequest = responsesRequestToChat(request).value;
    const result = await google().chat(chatRequest, { apiKey: "key" });
    const responseObject = chatResponseToResponses(result.response, {
      request,
      ids: createSequentialIdGenerator(),
      clock,
    }).value;

    const response = await client(
      createReplayFetch(JSON.stringify(responseObject), { contentType: "application/json" }),
    ).responses.create({ model: request.model!, input: "Weather in Paris?" });
    expect(response.status).toBe("completed");
    const call = response.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ type: "function_call", name: "get_weather", arguments: '{"city":"Paris"}' });
    expect(response.usage).toMatchObject({ input_tokens: 20, output_tokens: 36, total_tokens: 56 });
    expect(bodies[0]).toMatchObject({
      tools: [
        { functionDeclarations: [{ name: "get_weather", parametersJsonSchema: tools[0]!.parameters }] },
      ],
    });

    // Second turn: the client sends the output back with the tool result.
    const followUp: ResponsesRequest = {
      model: "gemini-3-flash-preview",
      tools,
      input: [
        { role: "user", content: "Weather in Paris?" },
        ...(responseObject.output as NonNullable<Exclude<ResponsesRequest["input"], string>>),
        {
          type: "function_call_output",
          call_id: (call as { call_id: string }).call_id,
          output: "18C and sunny",
        },
      ],
    };
    await google().chat(responsesRequestToChat(followUp).value, { apiKey: "key" });
    expect(bodies[1]).toMatchObject({
      contents: [
        { role: "user", parts: [{ text: "Weather in Paris?" }] },
        { role: "model", parts: expect.arrayContaining([callPart]) },
        {
          role: "user",
          parts: [{ functionResponse: { name: "get_weather", response: { output: "18C and sunny" } } }],
        },
      ],
    });
  });

  it("streams a Responses request with tools into events the SDK's stream helper accepts", async () => {
    const bodies = fakeGemini();
    const request: ResponsesRequest = {
      model: "gemini-3-flash-preview",
      input: "Weather in Paris?",
      tools,
      stream: true,
    };
    const chatRequest = responsesRequestToChat(request).value;
    const result = await google().streamChat(chatRequest, { apiKey: "key" });
    const transcoder = createChatToResponsesTranscoder({
      request,
      ids: createSequentialIdGenerator(),
      clock,
    });
    const events: ResponseStreamEvent[] = [];
    for await (const chunk of result.chunks) events.push(...transcoder.push(chunk));
    events.push(...transcoder.end());
    const wire = events.map((event) => encodeResponsesEvent(event)).join("");

    const stream = client(createReplayFetch(wire)).responses.stream({
      model: request.model!,
      input: "Weather in Paris?",
    });
    const final = await stream.finalResponse();
    expect(final.status).toBe("completed");
    const call = final.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ name: "get_weather", arguments: '{"city":"Paris"}' });
    expect(final.usage).toMatchObject({ input_tokens: 20, output_tokens: 36 });
    expect(events[events.length - 1]!.type).toBe("response.completed");
    const reasoning = (events[events.length - 1] as { response: ResponseObject }).response.output.find(
      (item) => item.type === "reasoning",
    );
    expect(reasoning).toBeDefined();
    expect(bodies).toHaveLength(1);
  });
});
