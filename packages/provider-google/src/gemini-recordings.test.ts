import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  createSseParser,
  REASONING_FORMATS,
} from "@switchyard/core";
import {
  functionCall,
  hasRecordings,
  listRecordings,
  recordingsMissingMessage,
  splitBytes,
} from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { type GeminiResponse, GeminiResponseSchema } from "./gemini-api";
import { geminiErrorToGatewayError } from "./gemini-errors";
import { geminiResponseToChat } from "./gemini-response";
import { createGeminiStreamTranscoder } from "./gemini-stream";

const clock = () => 1_700_000_000_000;

/** Tool calls read off the recordings by hand (the partial ones need assembling, so they are spelled out). */
const expectedCalls: Record<string, { name: string; args: Record<string, unknown> }[]> = {
  "google-stream-no-args-tool-call.chunks.txt": [
    { name: "read_theme", args: {} },
    { name: "read_screen", args: { id: "A" } },
    { name: "read_screen", args: { id: "B" } },
    { name: "read_screen", args: { id: "C" } },
  ],
  "google-stream-tool-call-arguments.chunks.txt": [
    { name: "getWeather", args: { location: "Boston" } },
    { name: "getWeather", args: { location: "San Francisco" } },
  ],
};

/** What the recorded frames say, computed straight from the JSON without the translator. */
function summarize(frames: GeminiResponse[]) {
  let text = "";
  let thoughts = "";
  const signatures: string[] = [];
  const calls: { name: string; args: Record<string, unknown> }[] = [];
  let finishReason: string | undefined;
  for (const frame of frames) {
    for (const part of frame.candidates?.[0]?.content?.parts ?? []) {
      if (part.thoughtSignature) signatures.push(part.thoughtSignature);
      if (part.text !== undefined && part.thought) thoughts += part.text;
      else if (part.text !== undefined) text += part.text;
      if (part.functionCall?.args)
        calls.push({ name: part.functionCall.name ?? "", args: part.functionCall.args });
    }
    finishReason = frame.candidates?.[0]?.finishReason ?? finishReason;
  }
  const usage = [...frames]
    .reverse()
    .find((frame) => frame.usageMetadata?.promptTokenCount !== undefined)?.usageMetadata;
  return { text, thoughts, signatures, calls, finishReason, usage };
}

function transcode(sse: string): ChatCompletionChunk[] {
  const parser = createSseParser();
  const transcoder = createGeminiStreamTranscoder({
    ids: createSequentialIdGenerator(),
    clock,
    model: "gemini",
  });
  const chunks: ChatCompletionChunk[] = [];
  const feed = (events: { data: string }[]) => {
    for (const event of events)
      chunks.push(...transcoder.push(GeminiResponseSchema.parse(JSON.parse(event.data))));
  };
  for (const piece of splitBytes(new TextEncoder().encode(sse), 7)) feed(parser.push(piece));
  feed(parser.end());
  chunks.push(...transcoder.end());
  return chunks;
}

describe.skipIf(!hasRecordings)(`Gemini recordings translate (${recordingsMissingMessage})`, () => {
  const streams = listRecordings("gemini", "chunks");
  const bodies = listRecordings("gemini", "json").filter((recording) => !recording.name.includes("429"));

  it("finds the recordings", () => {
    expect(streams.length).toBeGreaterThanOrEqual(6);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
  });

  it.each(streams.map((recording) => [recording.name, recording] as const))(
    "stream %s",
    (name, recording) => {
      const frames = recording.readChunks<GeminiResponse>();
      const expected = summarize(frames);
      const sse = frames.map((frame) => `data: ${JSON.stringify(frame)}\r\n\r\n`).join("");
      const chunks = transcode(sse);

      const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
      expect(deltas.map((delta) => delta.content ?? "").join("")).toBe(expected.text);
      expect(deltas.map((delta) => delta.reasoning_content ?? "").join("")).toBe(expected.thoughts);

      const calls = deltas.flatMap((delta) => delta.tool_calls ?? []);
      const wantedCalls = expectedCalls[name] ?? expected.calls;
      expect(
        calls.map((call) => ({
          name: call.function?.name,
          args: JSON.parse(call.function?.arguments ?? ""),
        })),
      ).toEqual(wantedCalls);
      expect(new Set(calls.map((call) => call.id)).size).toBe(calls.length);

      const details = deltas.flatMap((delta) => delta.reasoning_details ?? []);
      expect(details.map((detail) => (detail.type === "reasoning.encrypted" ? detail.data : ""))).toEqual(
        expected.signatures,
      );
      expect(details.every((detail) => detail.format === REASONING_FORMATS.google)).toBe(true);
      // A signature that came on a function call is tied to that call's id.
      const callIds = new Set(calls.map((call) => call.id));
      const boundIds = details.flatMap((detail) => (detail.id ? [detail.id] : []));
      for (const id of boundIds) expect(callIds.has(id)).toBe(true);

      const finish = chunks.flatMap((chunk) => chunk.choices.flatMap((choice) => choice.finish_reason ?? []));
      expect(finish).toEqual([wantedCalls.length > 0 ? "tool_calls" : "stop"]);
      expect(expected.finishReason).toBe("STOP");

      const usage = chunks[chunks.length - 1]!;
      expect(usage.choices).toEqual([]);
      const metadata = expected.usage!;
      expect(usage.usage).toMatchObject({
        prompt_tokens: metadata.promptTokenCount,
        completion_tokens: (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
        total_tokens: metadata.totalTokenCount,
        completion_tokens_details: { reasoning_tokens: metadata.thoughtsTokenCount },
      });
    },
  );

  it.each(bodies.map((recording) => [recording.name, recording] as const))("body %s", (_name, recording) => {
    const body = recording.readJson<GeminiResponse>();
    const expected = summarize([body]);
    const { value } = geminiResponseToChat(GeminiResponseSchema.parse(body), {
      ids: createSequentialIdGenerator(),
      clock,
    });
    const message = value.choices[0]!.message;
    expect(message.content ?? "").toBe(expected.text);
    expect(message.reasoning_content ?? "").toBe(expected.thoughts);
    expect(
      (message.tool_calls ?? []).map(functionCall).map((call) => ({
        name: call.function.name,
        args: JSON.parse(call.function.arguments),
      })),
    ).toEqual(expected.calls);
    expect(value.choices[0]!.finish_reason).toBe(expected.calls.length > 0 ? "tool_calls" : "stop");
    expect(
      (message.reasoning_details ?? []).map((detail) =>
        detail.type === "reasoning.encrypted" ? detail.data : "",
      ),
    ).toEqual(expected.signatures);
    if (expected.calls.length > 0)
      expect(message.reasoning_details?.[0]?.id).toBe(message.tool_calls?.[0]?.id);
    expect(value.id).toBe(body.responseId);
    expect(value.model).toBe(body.modelVersion);
    const metadata = expected.usage!;
    expect(value.usage).toEqual({
      prompt_tokens: metadata.promptTokenCount,
      completion_tokens: (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
      total_tokens: metadata.totalTokenCount,
      completion_tokens_details: { reasoning_tokens: metadata.thoughtsTokenCount },
    });
  });

  it("keeps the RetryInfo delay of the recorded 429", () => {
    const recording = listRecordings("gemini", "json").find((entry) => entry.name.includes("429"))!;
    const error = geminiErrorToGatewayError(429, recording.readText());
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(34_400);
    expect(error.code).toBe("resource_exhausted");
    expect(error.type).toBe("rate_limit_error");
    expect(error.provider).toBe("google");
    expect(error.message).toBe("You exceeded your current quota, please check your plan.");
  });
});
