import Anthropic from "@anthropic-ai/sdk";
import { AnthropicMessagesRequestSchema } from "@switchyard/anthropic-api";
import {
  ChatCompletionChunkSchema,
  ChatCompletionResponseSchema,
  createSequentialIdGenerator,
  createSseParser,
  GatewayError,
  parseOrThrow,
} from "@switchyard/core";
import { createReplayFetch, type FixtureCase, loadFixtureCases, splitBytes } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { chatResponseToMessages } from "./chat-response-to-messages";
import { createChatToMessagesTranscoder, encodeMessagesEvent } from "./chat-stream-to-messages";
import { messagesRequestToChat } from "./messages-request-to-chat";

const cases = (pair: string) => loadFixtureCases(pair).map((fixture) => [fixture.name, fixture] as const);

const expectError = (fixture: FixtureCase, run: () => unknown) => {
  const expected = fixture.readJson<{ status: number; code?: string | null; param?: string | null }>(
    "expected-error.json",
  );
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GatewayError);
  expect(caught).toMatchObject(expected);
};

describe("anthropic-request-to-chat", () => {
  it.each(cases("anthropic-request-to-chat"))("%s", (_name, fixture) => {
    const translate = () =>
      messagesRequestToChat(parseOrThrow(AnthropicMessagesRequestSchema, fixture.readJson("input.json")));
    if (fixture.has("expected-error.json")) return expectError(fixture, translate);
    const { value, warnings } = translate();
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(warnings).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});

describe("chat-response-to-anthropic", () => {
  it.each(cases("chat-response-to-anthropic"))("%s", (_name, fixture) => {
    const response = ChatCompletionResponseSchema.parse(fixture.readJson("input.json"));
    const options = fixture.readJsonOr<{ model?: string }>("options.json", {});
    const { value, warnings } = chatResponseToMessages(response, {
      ids: createSequentialIdGenerator(),
      ...options,
    });
    expect(value).toEqual(fixture.readJson("expected.json"));
    expect(warnings).toEqual(fixture.readJsonOr("expected-warnings.json", []));
  });
});

/** Replays a Chat SSE stream through the transcoder; a frame holding `{"error": ...}` is an upstream failure. */
function transcode(fixture: FixtureCase, chunks: Uint8Array[]): string {
  const options = fixture.readJsonOr<{ model?: string }>("options.json", {});
  const transcoder = createChatToMessagesTranscoder({ ids: createSequentialIdGenerator(), ...options });
  const parser = createSseParser();
  let output = "";
  let failed = false;
  const handle = (data: string) => {
    if (failed || data === "[DONE]") return;
    const value = JSON.parse(data) as { error?: { message: string; code?: number } };
    if (value.error) {
      failed = true;
      const error = new GatewayError({ status: value.error.code ?? 500, message: value.error.message });
      for (const event of transcoder.fail(error)) output += encodeMessagesEvent(event);
      return;
    }
    for (const event of transcoder.push(ChatCompletionChunkSchema.parse(value)))
      output += encodeMessagesEvent(event);
  };
  for (const chunk of chunks) for (const event of parser.push(chunk)) handle(event.data);
  for (const event of parser.end()) handle(event.data);
  if (!failed) for (const event of transcoder.end()) output += encodeMessagesEvent(event);
  return output;
}

describe("chat-stream-to-anthropic", () => {
  it.each(cases("chat-stream-to-anthropic"))("%s", async (_name, fixture) => {
    const input = fixture.readBytes("input.sse");
    const output = transcode(fixture, [input]);
    expect(output).toBe(fixture.readText("expected.sse"));
    expect(transcode(fixture, splitBytes(input, 1))).toBe(output);

    // The official SDK's stream accumulator must accept every stream; error streams must reject.
    const client = new Anthropic({
      apiKey: "test",
      baseURL: "http://replay.invalid",
      fetch: createReplayFetch(output),
      maxRetries: 0,
    });
    const stream = client.messages.stream({
      model: "m",
      max_tokens: 10,
      messages: [{ role: "user", content: "x" }],
    });
    if (output.includes("event: error")) {
      await expect(stream.finalMessage()).rejects.toThrow();
      return;
    }
    const message = await stream.finalMessage();
    const expectedMessage = fixture.readJsonOr<object | undefined>("expected-message.json", undefined);
    if (expectedMessage) expect(message).toMatchObject(expectedMessage);
    const indexes = [...output.matchAll(/"type":"content_block_start","index":(\d+)/g)].map((match) =>
      Number(match[1]),
    );
    expect(indexes).toEqual(indexes.map((_, position) => position));
  });
});
