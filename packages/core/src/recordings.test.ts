import { describe, expect, it } from "vitest";
import { ChatCompletionChunkSchema } from "./chat/chat-chunk";
import { ChatCompletionResponseSchema } from "./chat/chat-response";
import { ResponseObjectSchema } from "./responses/response-object";
import { ResponseStreamEventSchema } from "./responses/responses-events";
import { createSseParser } from "./sse/sse-parser";
import { hasRecordings, listRecordings, recordingsMissingMessage } from "./testing/recordings";
import { describeZodError } from "./validation";

if (!hasRecordings) console.warn(recordingsMissingMessage);

/**
 * Vendor deviations from the OpenAI wire format, seen in real traffic. The hub schemas do not bend to them;
 * the named provider normalises them. Each must still fail exactly where listed, so a schema change that
 * silently starts accepting them (or fails elsewhere) is caught.
 */
const knownDeviations: Record<string, { path: string; normalisedBy: string }> = {
  // Azure's first chunk carries prompt_filter_results with `object: ""` and no choices.
  "azure-model-router.1.chunks.txt": { path: "object", normalisedBy: "provider-openai" },
  // Mistral streams thinking as an array of content blocks in `delta.content`.
  "mistral-reasoning.chunks.txt": {
    path: "choices[0].delta.content",
    normalisedBy: "provider-openai-compatible",
  },
  // Mistral sends tool call deltas without `index`.
  "mistral-tool-call.chunks.txt": {
    path: "choices[0].delta.tool_calls[0].index",
    normalisedBy: "provider-openai-compatible",
  },
  // This capture of a custom tool call carries no `sequence_number` on any event.
  "openai-custom-tool.1.chunks.txt": {
    path: "sequence_number",
    normalisedBy: "the Responses passthrough (relayed as is)",
  },
};

const firstFailurePath = (
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  values: unknown[],
): string | undefined => {
  for (const value of values) {
    const result = schema.safeParse(value);
    if (!result.success) return describeZodError(result.error as never).param ?? "";
  }
  return undefined;
};

const isErrorBody = (body: unknown): boolean =>
  typeof body === "object" && body !== null && "error" in body && !("object" in body);

const expectValid = (
  schema: { safeParse(value: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(describeZodError(result.error as never).message);
};

// Event types the gateway neither reads nor emits (built-in tools); they must still be well-formed events.
const knownEventTypes = new Set<string>(
  ResponseStreamEventSchema.options.map((option) => option.shape.type.value as string),
);

describe.skipIf(!hasRecordings)("recorded OpenAI Chat traffic parses with the Chat schemas", () => {
  it.each(listRecordings("openai-chat", "json").map((recording) => [recording.name, recording] as const))(
    "%s",
    (_name, recording) => {
      const body = recording.readJson();
      if (isErrorBody(body)) {
        expect(body).toMatchObject({ error: { message: expect.any(String) } });
        return;
      }
      expectValid(ChatCompletionResponseSchema, body);
    },
  );

  it.each(listRecordings("openai-chat", "chunks").map((recording) => [recording.name, recording] as const))(
    "%s",
    (_name, recording) => {
      const chunks = recording.readChunks();
      expect(chunks.length).toBeGreaterThan(0);
      const deviation = knownDeviations[recording.name];
      if (deviation) expect(firstFailurePath(ChatCompletionChunkSchema, chunks)).toBe(deviation.path);
      else for (const chunk of chunks) expectValid(ChatCompletionChunkSchema, chunk);
    },
  );

  it.each(listRecordings("openai-chat", "sse").map((recording) => [recording.name, recording] as const))(
    "%s",
    (_name, recording) => {
      const parser = createSseParser();
      const events = [...parser.push(recording.readText()), ...parser.end()];
      const payloads = events.filter((event) => event.data !== "[DONE]");
      expect(payloads.length).toBeGreaterThan(0);
      for (const event of payloads) expectValid(ChatCompletionChunkSchema, JSON.parse(event.data));
    },
  );
});

describe.skipIf(!hasRecordings)("recorded OpenAI Responses traffic parses with the Responses schemas", () => {
  it.each(
    listRecordings("openai-responses", "json").map((recording) => [recording.name, recording] as const),
  )("%s", (_name, recording) => {
    const body = recording.readJson();
    if (isErrorBody(body)) {
      expect(body).toMatchObject({ error: { message: expect.any(String) } });
      return;
    }
    expectValid(ResponseObjectSchema, body);
  });

  it.each(
    listRecordings("openai-responses", "chunks").map((recording) => [recording.name, recording] as const),
  )("%s", (_name, recording) => {
    const events = recording.readChunks<{ type: string; sequence_number: number }>();
    expect(events.length).toBeGreaterThan(0);
    const deviation = knownDeviations[recording.name];
    if (deviation) {
      const known = events.filter((event) => knownEventTypes.has(event.type));
      expect(firstFailurePath(ResponseStreamEventSchema, known)).toBe(deviation.path);
      return;
    }
    for (const event of events) {
      if (knownEventTypes.has(event.type)) expectValid(ResponseStreamEventSchema, event);
      else expect(event).toMatchObject({ type: expect.any(String), sequence_number: expect.any(Number) });
    }
  });
});
