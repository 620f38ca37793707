import {
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  type ChatCompletionResponse,
  GatewayError,
  type Provider,
} from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { withSchemaChecks } from "./deepseek-structured-output";

const SCHEMA = {
  type: "object",
  properties: { city: { type: "string" }, temperature_c: { type: "number" } },
  required: ["city", "temperature_c"],
  additionalProperties: false,
};

const requestWith = (strict: boolean, stream = false): ChatCompletionRequest =>
  ChatCompletionRequestSchema.parse({
    model: "deepseek-chat",
    messages: [{ role: "user", content: "Weather as JSON" }],
    response_format: { type: "json_schema", json_schema: { name: "weather", schema: SCHEMA, strict } },
    ...(stream ? { stream: true } : {}),
  });

const answer = (content: string): ChatCompletionResponse => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1,
  model: "deepseek-chat",
  choices: [{ index: 0, message: { role: "assistant", content }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});

const MATCHING = '{"city":"Paris","temperature_c":21}';
const MISSING_FIELD = '{"city":"Paris"}';

/** A DeepSeek stand-in that answers the scripted contents in order, whole or as one text chunk. */
function scriptedProvider(contents: string[]): Provider & { calls: number } {
  const provider = {
    name: "deepseek",
    protocol: "openai-chat" as const,
    calls: 0,
    async chat() {
      const content = contents[provider.calls++]!;
      return { response: answer(content), warnings: [] };
    },
    async streamChat() {
      const content = contents[provider.calls++]!;
      const chunk: ChatCompletionChunk = {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "deepseek-chat",
        choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: "stop" }],
      };
      async function* chunks() {
        yield chunk;
      }
      return { chunks: chunks(), warnings: [] };
    },
  };
  return provider as Provider & { calls: number };
}

const options = { apiKey: "sk-test" };

describe("withSchemaChecks", () => {
  it("returns a matching answer as it is", async () => {
    const inner = scriptedProvider([MATCHING]);
    const { response, warnings } = await withSchemaChecks(inner).chat(requestWith(true), options);
    expect(response.choices[0]!.message.content).toBe(MATCHING);
    expect(warnings).toEqual([]);
    expect(inner.calls).toBe(1);
  });

  it("asks again under strict: true, and counts the usage of both attempts", async () => {
    const inner = scriptedProvider([MISSING_FIELD, MATCHING]);
    const { response } = await withSchemaChecks(inner).chat(requestWith(true), options);
    expect(response.choices[0]!.message.content).toBe(MATCHING);
    expect(response.usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 });
    expect(inner.calls).toBe(2);
  });

  it("fails a strict request that still does not match, saying so", async () => {
    const inner = scriptedProvider([MISSING_FIELD, "not json"]);
    const failure = await withSchemaChecks(inner)
      .chat(requestWith(true), options)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayError);
    expect(failure).toMatchObject({ status: 502, code: "json_schema_mismatch" });
    expect((failure as GatewayError).message).toContain("did not match the strict response_format schema");
    expect((failure as GatewayError).message).toContain("not JSON");
  });

  it("returns a non-strict mismatch with a warning naming what is wrong", async () => {
    const inner = scriptedProvider([MISSING_FIELD]);
    const { response, warnings } = await withSchemaChecks(inner).chat(requestWith(false), options);
    expect(response.choices[0]!.message.content).toBe(MISSING_FIELD);
    expect(warnings).toEqual([expect.objectContaining({ code: "response_format" })]);
    expect(warnings[0]!.message).toContain("temperature_c");
    expect(inner.calls).toBe(1);
  });

  it("answers a strict stream whole first, then as chunks", async () => {
    const inner = scriptedProvider([MISSING_FIELD, MATCHING]);
    const result = await withSchemaChecks(inner).streamChat(requestWith(true, true), options);
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of result.chunks) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe(MATCHING);
    expect(chunks.at(-1)!.usage).toMatchObject({ total_tokens: 30 });
  });

  it("checks a non-strict stream at its end", async () => {
    const inner = scriptedProvider([MISSING_FIELD]);
    const result = await withSchemaChecks(inner).streamChat(requestWith(false, true), options);
    for await (const _chunk of result.chunks) expect(result.warnings).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "response_format" })]);
  });

  it("leaves requests without a JSON schema alone", async () => {
    const inner = scriptedProvider(["plain text"]);
    const request = ChatCompletionRequestSchema.parse({
      model: "deepseek-chat",
      messages: [{ role: "user", content: "Hi" }],
    });
    const { response, warnings } = await withSchemaChecks(inner).chat(request, options);
    expect(response.choices[0]!.message.content).toBe("plain text");
    expect(warnings).toEqual([]);
  });
});
