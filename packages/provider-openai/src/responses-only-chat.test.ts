import {
  type ChatCompletionChunk,
  ChatCompletionRequestSchema,
  createSequentialIdGenerator,
  createSseParser,
  GatewayError,
  type ModelInfo,
  type Warning,
} from "@switchyard/core";
import { type FixtureCase, loadFixtureCases, splitBytes } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";
import {
  chatRequestToOpenAIResponses,
  createResponsesOnlyChatStream,
  openAIResponseToChat,
} from "./responses-only-chat";
import { collect, responsesSse, useFakeOpenAI } from "./testing/openai-test-server";

interface CaseOptions {
  stream?: boolean;
  model?: ModelInfo;
}

interface ExpectedError {
  status: number;
  code: string | null;
  message: string;
  retryable: boolean;
}

const byCode = (warnings: Pick<Warning, "type" | "code">[]) =>
  warnings.map(({ type, code }) => `${type}:${code}`).sort();

/** The chunks of a Chat stream in its wire format (`data: <json>` frames, `data: [DONE]` last). */
function chunksOfChatSse(text: string): unknown[] {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()]
    .filter((event) => event.data !== "[DONE]")
    .map((event) => JSON.parse(event.data));
}

function expectError(error: unknown, fixture: FixtureCase): void {
  expect(error).toBeInstanceOf(GatewayError);
  expect(error).toMatchObject({
    ...fixture.readJson<ExpectedError>("expected-error.json"),
    provider: "openai",
  });
}

const cases = loadFixtureCases("responses-only-chat-to-responses");
const requestCases = cases.filter((fixture) => fixture.has("expected.json"));
const answerCases = cases.filter((fixture) => fixture.has("upstream.json"));
const streamCases = cases.filter((fixture) => fixture.has("upstream.sse"));

describe("responses-only golden fixtures", () => {
  it("has the documented cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(requestCases.length).toBeGreaterThan(0);
    expect(answerCases.length).toBeGreaterThan(0);
    expect(streamCases.length).toBeGreaterThan(0);
  });

  it.each(requestCases.map((fixture) => [fixture.name, fixture] as const))(
    "request: %s",
    (_name, fixture) => {
      const request = ChatCompletionRequestSchema.parse(fixture.readJson("input.json"));
      const options = fixture.readJsonOr<CaseOptions>("options.json", {});
      const { value, warnings } = chatRequestToOpenAIResponses(request, {
        stream: options.stream ?? false,
        ...(options.model === undefined ? {} : { model: options.model }),
      });
      expect(value).toEqual(fixture.readJson("expected.json"));
      expect(byCode(warnings)).toEqual(byCode(fixture.readJson("expected-warnings.json")));
    },
  );

  it.each(answerCases.map((fixture) => [fixture.name, fixture] as const))("answer: %s", (_name, fixture) => {
    const request = ChatCompletionRequestSchema.parse(fixture.readJson("input.json"));
    const upstream = fixture.readJson("upstream.json");
    if (fixture.has("expected-error.json")) {
      expectError(
        (() => {
          try {
            openAIResponseToChat(upstream, request);
          } catch (error) {
            return error;
          }
          return undefined;
        })(),
        fixture,
      );
      return;
    }
    const { value } = openAIResponseToChat(upstream, request);
    expect(value).toEqual(fixture.readJson("expected-answer.json"));
  });

  describe.each([1, 7, 4096])("streams fed %i bytes at a time", (pieceSize) => {
    it.each(streamCases.map((fixture) => [fixture.name, fixture] as const))(
      "stream: %s",
      (_name, fixture) => {
        const machine = createResponsesOnlyChatStream({ ids: createSequentialIdGenerator(), clock: () => 0 });
        const chunks: ChatCompletionChunk[] = [];
        let failure: unknown;
        try {
          for (const piece of splitBytes(fixture.readBytes("upstream.sse"), pieceSize)) {
            chunks.push(...machine.push(piece));
            if (machine.done) break;
          }
          chunks.push(...machine.end());
        } catch (error) {
          failure = error;
        }
        expect(chunks).toEqual(chunksOfChatSse(fixture.readText("expected.sse")));
        if (fixture.has("expected-error.json")) {
          expectError(failure, fixture);
        } else {
          expect(failure).toBeUndefined();
          expect(byCode(machine.warnings)).toEqual(byCode(fixture.readJson("expected-warnings.json")));
        }
      },
    );
  });
});

const apiKey = "sk-test-0123456789abcdef";
const chat = (fields: Record<string, unknown>) =>
  ChatCompletionRequestSchema.parse({ messages: [{ role: "user", content: "Hello" }], ...fields });

const fake = useFakeOpenAI();

describe("Responses-only models on chat and streamChat", () => {
  const model = { responsesOnly: true, reasoning: true };
  const response = {
    id: "resp_9",
    object: "response",
    created_at: 1_765_000_000,
    status: "completed",
    model: "o3-pro-2025-06-10",
    output: [
      {
        type: "message",
        id: "msg_9",
        status: "completed",
        role: "assistant",
        content: [{ type: "output_text", text: "Hello!", annotations: [] }],
      },
    ],
    usage: {
      input_tokens: 5,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 7,
      output_tokens_details: { reasoning_tokens: 4 },
      total_tokens: 12,
    },
  };

  it("serves chat through /v1/responses", async () => {
    fake.answer("/responses", { json: response });
    const provider = createOpenAIProvider();
    const { response: answer, warnings } = await provider.chat(
      chat({ model: "o3-pro", temperature: 0.5, gateway: { metadata: { tags: ["x"] } } }),
      { apiKey, model },
    );
    expect(fake.requests[0]?.url).toBe("https://api.openai.com/v1/responses");
    expect(fake.requests[0]?.body).toEqual({
      model: "o3-pro",
      input: [{ type: "message", role: "user", content: "Hello" }],
      store: false,
      include: ["reasoning.encrypted_content"],
    });
    expect(answer).toMatchObject({
      id: "resp_9",
      object: "chat.completion",
      choices: [{ message: { role: "assistant", content: "Hello!" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    });
    expect(warnings).toEqual([expect.objectContaining({ code: "temperature" })]);
  });

  it("serves streamChat through a streamed /v1/responses, ending with usage", async () => {
    const events = [
      {
        type: "response.created",
        sequence_number: 0,
        response: { ...response, status: "in_progress", output: [], usage: null },
      },
      {
        type: "response.output_item.added",
        sequence_number: 1,
        output_index: 0,
        item: { type: "message", id: "msg_9", status: "in_progress", role: "assistant", content: [] },
      },
      {
        type: "response.output_text.delta",
        sequence_number: 2,
        item_id: "msg_9",
        output_index: 0,
        content_index: 0,
        delta: "Hello!",
        logprobs: [],
      },
      { type: "response.completed", sequence_number: 3, response },
    ];
    fake.answer("/responses", { bytes: responsesSse(events), pieceSize: 11 });
    const provider = createOpenAIProvider();
    const result = await provider.streamChat(chat({ model: "o3-pro", stream: true }), { apiKey, model });
    const chunks = await collect(result.chunks);
    expect(fake.requests[0]?.body).toMatchObject({ model: "o3-pro", stream: true, store: false });
    expect(fake.requests[0]?.headers.accept).toBe("text/event-stream");
    expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
    expect(chunks.map((item) => item.choices[0]?.delta.content ?? "").join("")).toBe("Hello!");
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 12 } });
  });

  it("maps an HTTP error of /v1/responses like any other", async () => {
    fake.answer("/responses", {
      status: 429,
      json: { error: { message: "Slow down", type: "requests", param: null, code: "rate_limit_exceeded" } },
      headers: { "retry-after": "4" },
    });
    const provider = createOpenAIProvider();
    await expect(provider.streamChat(chat({ model: "o3-pro" }), { apiKey, model })).rejects.toMatchObject({
      status: 429,
      retryAfterMs: 4000,
      provider: "openai",
    });
  });
});
