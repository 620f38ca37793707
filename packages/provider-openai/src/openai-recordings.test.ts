import {
  ChatCompletionRequestSchema,
  GatewayError,
  nativePassthrough,
  ResponsesRequestSchema,
} from "@switchyard/core";
import { hasRecordings, listRecordings, recordingsMissingMessage } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";
import { chatSse, collect, concatBytes, useFakeOpenAI } from "./testing/openai-test-server";

const apiKey = "sk-recordings-0000";
const isOpenAIChatRecording = (name: string) => name.startsWith("openai-") || name.startsWith("azure-");
const isAzurePreamble = (value: Record<string, unknown>) =>
  "prompt_filter_results" in value && value.object === "";
const chatRecordings = listRecordings("openai-chat").filter((recording) =>
  isOpenAIChatRecording(recording.name),
);
const chatStreams = chatRecordings.filter((recording) => recording.kind === "chunks");
const chatBodies = chatRecordings.filter(
  (recording) => recording.kind === "json" && !recording.name.includes("error"),
);
const responsesStreams = listRecordings("openai-responses", "chunks");
const responsesBodies = listRecordings("openai-responses", "json").filter(
  (recording) => !recording.name.includes("error"),
);
const errorBodies = [
  ...listRecordings("openai-chat", "json").filter((recording) => recording.name.includes("error")),
  ...listRecordings("openai-responses", "json").filter((recording) => recording.name.includes("error")),
];

const fake = useFakeOpenAI();

const chatRequest = (stream: boolean) =>
  ChatCompletionRequestSchema.parse({
    model: "gpt-4.1-nano",
    messages: [{ role: "user", content: "Hi" }],
    stream,
  });

describe.skipIf(!hasRecordings)("recorded OpenAI and Azure Chat traffic", () => {
  it("finds the recordings", () => {
    expect(chatStreams.length).toBeGreaterThan(0);
    expect(chatBodies.length).toBeGreaterThan(0);
  });

  it.each(chatStreams.map((recording) => [recording.name, recording] as const))(
    "relays the stream %s chunk for chunk",
    async (_name, recording) => {
      const upstream = recording.readChunks<Record<string, unknown>>();
      fake.answer("/chat/completions", { bytes: chatSse(upstream), pieceSize: 64 });
      const result = await createOpenAIProvider().streamChat(chatRequest(true), { apiKey });
      const chunks = await collect(result.chunks);
      const expected = upstream.filter((value) => !isAzurePreamble(value));
      expect(chunks).toEqual(expected);
      expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
      const skipped = upstream.length - expected.length;
      expect(result.warnings).toHaveLength(skipped);
      for (const warning of result.warnings) expect(warning.type).toBe("unknown_event");
    },
  );

  it.each(chatBodies.map((recording) => [recording.name, recording] as const))(
    "relays the body %s unchanged",
    async (_name, recording) => {
      const body = recording.readJson<Record<string, unknown>>();
      fake.answer("/chat/completions", { json: body });
      const { response, warnings } = await createOpenAIProvider().chat(chatRequest(false), { apiKey });
      expect(response).toEqual(body);
      expect(warnings).toEqual([]);
    },
  );
});

describe.skipIf(!hasRecordings)("recorded OpenAI Responses traffic through the native passthrough", () => {
  const request = ResponsesRequestSchema.parse({ model: "gpt-5-nano", input: "Hi", stream: true });

  it("finds the recordings", () => {
    expect(responsesStreams.length).toBeGreaterThan(0);
  });

  it.each(responsesStreams.map((recording) => [recording.name, recording] as const))(
    "relays the stream %s byte for byte",
    async (_name, recording) => {
      // The recordings drop the SSE framing; OpenAI names each event after its `type`.
      const lines = recording
        .readText()
        .split("\n")
        .filter((line) => line.trim() !== "");
      const wire = lines
        .map((line) => `event: ${(JSON.parse(line) as { type: string }).type}\ndata: ${line}\n\n`)
        .join("");
      const bytes = new TextEncoder().encode(wire);
      fake.answer("/responses", { bytes, pieceSize: 97, headers: { "content-type": "text/event-stream" } });
      const result = await nativePassthrough(createOpenAIProvider(), "openai-responses")!(request, {
        apiKey,
      });
      const relayed = concatBytes(await collect(result.body));
      expect(Buffer.from(relayed).equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it.each(responsesBodies.map((recording) => [recording.name, recording] as const))(
    "relays the body %s byte for byte",
    async (_name, recording) => {
      const text = recording.readText();
      fake.answer("/responses", { bytes: text, headers: { "content-type": "application/json" } });
      const result = await nativePassthrough(createOpenAIProvider(), "openai-responses")!(
        ResponsesRequestSchema.parse({ model: "gpt-5-nano", input: "Hi" }),
        { apiKey },
      );
      expect(new TextDecoder().decode(concatBytes(await collect(result.body)))).toBe(text);
    },
  );
});

describe.skipIf(!hasRecordings)(
  "recorded OpenAI Responses streams served as Chat (Responses-only models)",
  () => {
    // One response per stream; the error stream is covered by the error test below.
    const single = responsesStreams.filter(
      (recording) =>
        recording.readChunks<{ type: string }>().filter((event) => event.type === "response.created")
          .length === 1 && !recording.name.includes("error"),
    );

    it.each(single.map((recording) => [recording.name, recording] as const))(
      "transcodes %s into a well-formed Chat stream",
      async (_name, recording) => {
        const events = recording.readChunks<{ type: string }>();
        const wire = events
          .map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
          .join("");
        fake.answer("/responses", { bytes: wire, pieceSize: 113 });
        const result = await createOpenAIProvider().streamChat(chatRequest(true), {
          apiKey,
          model: { responsesOnly: true, reasoning: true },
        });
        const chunks = await collect(result.chunks);
        expect(chunks[0]?.choices[0]?.delta.role).toBe("assistant");
        expect(
          chunks.flatMap((chunk) => chunk.choices.filter((choice) => choice.finish_reason != null)),
        ).toHaveLength(1);
        expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
        // Some recordings were trimmed by their publisher (fewer deltas than the final text). The transcoder
        // treats each part's `output_text.done` text as final and sends what the deltas missed, so the
        // streamed text is the recorded done texts (or the deltas, for a stream that has no done event).
        const textOf = (type: string, field: "text" | "delta") =>
          events
            .filter((event) => event.type === type)
            .map((event) => (event as { text?: string; delta?: string })[field] ?? "")
            .join("");
        const doneText = textOf("response.output_text.done", "text");
        const expectedText = doneText !== "" ? doneText : textOf("response.output_text.delta", "delta");
        const streamedText = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
        expect(streamedText).toBe(expectedText);
      },
    );

    it("turns the recorded insufficient_quota error event into a GatewayError", async () => {
      const recording = responsesStreams.find((candidate) => candidate.name.startsWith("openai-error"));
      expect(recording).toBeDefined();
      const events = recording!.readChunks<{ type: string }>();
      const wire = events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join("");
      fake.answer("/responses", { bytes: wire });
      const result = await createOpenAIProvider().streamChat(chatRequest(true), {
        apiKey,
        model: { responsesOnly: true },
      });
      await expect(collect(result.chunks)).rejects.toMatchObject({
        status: 429,
        code: "insufficient_quota",
        provider: "openai",
      });
    });
  },
);

describe.skipIf(!hasRecordings)("recorded OpenAI error bodies", () => {
  it.each(errorBodies.map((recording) => [recording.name, recording] as const))(
    "maps %s to a GatewayError keeping OpenAI's message, param and code",
    async (_name, recording) => {
      const body = recording.readJson<{
        error: { message: string; param: string | null; code: string | null };
      }>();
      const status = body.error.code === "insufficient_quota" ? 429 : 400;
      fake.answer("/chat/completions", { status, json: body });
      const error = await createOpenAIProvider()
        .chat(chatRequest(false), { apiKey })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({
        status,
        retryable: status === 429,
        message: body.error.message,
        param: body.error.param,
        code: body.error.code,
        provider: "openai",
      });
    },
  );
});

describe.skipIf(hasRecordings)("recorded OpenAI traffic", () => {
  it.skip(recordingsMissingMessage, () => {});
});
