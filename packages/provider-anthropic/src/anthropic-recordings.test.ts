import { AnthropicMessageSchema } from "@switchyard/anthropic-api";
import { type ChatCompletionChunk, createSseParser, encodeJsonSseFrame } from "@switchyard/core";
import {
  functionCall,
  hasRecordings,
  listRecordings,
  recordingsMissingMessage,
} from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { anthropicResponseToChat } from "./anthropic-response";
import { createAnthropicStreamTranscoder } from "./anthropic-stream";

type RecordedEvent = { type: string; index?: number; [key: string]: unknown };
type RecordedUsage = Record<string, number | null | undefined>;

/** What a recorded stream says, computed straight from its events (not through the translator). */
function expectedFromEvents(events: readonly RecordedEvent[]) {
  let text = "";
  let thinking = "";
  let signature = "";
  const tools = new Map<number, { id: string; name: string; json: string }>();
  let usage: RecordedUsage = {};
  for (const event of events) {
    if (event.type === "message_start")
      usage = { ...((event.message as { usage?: RecordedUsage }).usage ?? {}) };
    if (event.type === "message_delta")
      for (const [key, value] of Object.entries((event.usage as RecordedUsage | undefined) ?? {}))
        if (typeof value === "number") usage[key] = value;
    if (event.type === "content_block_start") {
      const block = event.content_block as { type: string; id: string; name: string };
      if (block.type === "tool_use") tools.set(event.index!, { id: block.id, name: block.name, json: "" });
    }
    if (event.type === "content_block_delta") {
      const delta = event.delta as Record<string, string>;
      if (delta.type === "text_delta") text += delta.text;
      if (delta.type === "thinking_delta") thinking += delta.thinking;
      if (delta.type === "signature_delta") signature += delta.signature;
      if (delta.type === "input_json_delta" && tools.has(event.index!))
        tools.get(event.index!)!.json += delta.partial_json;
    }
  }
  const prompt =
    (usage.input_tokens ?? 0) +
    (usage.cache_creation_input_tokens ?? 0) +
    (usage.cache_read_input_tokens ?? 0);
  return {
    text,
    thinking,
    signature,
    toolCalls: [...tools.values()].map((tool) => ({
      id: tool.id,
      name: tool.name,
      input: JSON.parse(tool.json || "{}"),
    })),
    promptTokens: prompt,
    completionTokens: usage.output_tokens ?? 0,
  };
}

/** What the Chat chunks say, assembled the way a Chat client assembles them. */
function assembleChunks(chunks: readonly ChatCompletionChunk[]) {
  let text = "";
  let thinking = "";
  const signatures: string[] = [];
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  let usage: ChatCompletionChunk["usage"];
  for (const chunk of chunks) {
    if (chunk.usage != null) usage = chunk.usage;
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? "";
      thinking += choice.delta.reasoning_content ?? "";
      for (const detail of choice.delta.reasoning_details ?? [])
        if (detail.type === "reasoning.text" && detail.signature) signatures.push(detail.signature);
      for (const call of choice.delta.tool_calls ?? []) {
        calls[call.index] ??= { id: "", name: "", arguments: "" };
        const target = calls[call.index]!;
        if (call.id) target.id = call.id;
        if (call.function?.name) target.name = call.function.name;
        target.arguments += call.function?.arguments ?? "";
      }
    }
  }
  return { text, thinking, signatures, calls, usage };
}

describe.skipIf(!hasRecordings)(`Anthropic recordings (${recordingsMissingMessage})`, () => {
  const streams = listRecordings("anthropic", "chunks");
  const bodies = listRecordings("anthropic", "json");

  it("finds the recorded streams and bodies", () => {
    expect(streams.length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(0);
  });

  it.each(streams.map((recording) => [recording.name, recording] as const))(
    "stream %s translates",
    (_name, recording) => {
      const events = recording.readChunks<RecordedEvent>();
      const bytes = events.map((event) => encodeJsonSseFrame(event, event.type)).join("");
      const parser = createSseParser();
      const transcoder = createAnthropicStreamTranscoder({ clock: () => 0 });
      const chunks: ChatCompletionChunk[] = [];
      for (const event of [...parser.push(bytes), ...parser.end()]) chunks.push(...transcoder.push(event));
      chunks.push(...transcoder.end());
      const expected = expectedFromEvents(events);
      const got = assembleChunks(chunks);
      expect(got.text).toBe(expected.text);
      expect(got.thinking).toBe(expected.thinking);
      expect(got.signatures.join("")).toBe(expected.signature);
      expect(
        got.calls.map((call) => ({ id: call.id, name: call.name, input: JSON.parse(call.arguments) })),
      ).toEqual(expected.toolCalls);
      expect(got.usage?.prompt_tokens).toBe(expected.promptTokens);
      expect(got.usage?.completion_tokens).toBe(expected.completionTokens);
      expect(chunks.at(-2)?.choices[0]?.finish_reason).toEqual(expect.any(String));
    },
  );

  it.each(bodies.map((recording) => [recording.name, recording] as const))(
    "body %s translates",
    (_name, recording) => {
      const raw = recording.readJson<{
        content: Array<Record<string, unknown>>;
        usage: RecordedUsage;
      }>();
      const { value } = anthropicResponseToChat(AnthropicMessageSchema.parse(raw), { clock: () => 0 });
      const message = value.choices[0]!.message;
      const texts = raw.content.filter((block) => block.type === "text").map((block) => block.text as string);
      const thinking = raw.content.filter((block) => block.type === "thinking");
      const tools = raw.content.filter((block) => block.type === "tool_use");
      expect(message.content).toBe(texts.length === 0 ? null : texts.join(""));
      expect(message.reasoning_content ?? "").toBe(thinking.map((block) => block.thinking).join(""));
      expect(
        (message.reasoning_details ?? []).map((detail) =>
          detail.type === "reasoning.text" ? detail.signature : undefined,
        ),
      ).toEqual(thinking.map((block) => block.signature));
      expect(
        (message.tool_calls ?? []).map(functionCall).map((call) => ({
          id: call.id,
          name: call.function.name,
          input: JSON.parse(call.function.arguments),
        })),
      ).toEqual(tools.map((block) => ({ id: block.id, name: block.name, input: block.input })));
      const usage = raw.usage;
      const prompt =
        (usage.input_tokens ?? 0) +
        (usage.cache_creation_input_tokens ?? 0) +
        (usage.cache_read_input_tokens ?? 0);
      expect(value.usage).toMatchObject({ prompt_tokens: prompt, completion_tokens: usage.output_tokens });
    },
  );
});
