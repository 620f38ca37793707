import { hasRecordings, listRecordings, recordingsMissingMessage } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createResponsesSseToChatSse } from "../sse/responses-sse-to-chat-sse";
import { replayChatStream } from "../testing/replay";
import { feed, parseSseFrames } from "../testing/sse-frames";

interface LooseEvent {
  type: string;
  response?: { status: string; output: { type: string; [field: string]: unknown }[] };
}

interface LooseChunk {
  choices: { delta: { content?: string | null; tool_calls?: ToolFragment[] } }[];
  error?: unknown;
}

interface ToolFragment {
  index: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

/** Splits a recording into its responses: one starts at each `response.created`. */
function splitResponses(events: LooseEvent[]): LooseEvent[][] {
  const responses: LooseEvent[][] = [];
  for (const event of events) {
    if (event.type === "response.created" || responses.length === 0) responses.push([]);
    responses.at(-1)!.push(event);
  }
  return responses;
}

const encode = (events: LooseEvent[]): Uint8Array =>
  new TextEncoder().encode(
    events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(""),
  );

/** The text and function calls a finished recorded Response holds. */
function carried(terminal: LooseEvent): {
  text: string;
  calls: { id: unknown; name: unknown; arguments: unknown }[];
} {
  let text = "";
  const calls: { id: unknown; name: unknown; arguments: unknown }[] = [];
  for (const item of terminal.response?.output ?? []) {
    if (item.type === "message") {
      for (const part of item.content as { type: string; text?: string }[]) {
        if (part.type === "output_text") text += part.text ?? "";
      }
    } else if (item.type === "function_call") {
      calls.push({ id: item.call_id, name: item.name, arguments: item.arguments });
    }
  }
  return { text, calls };
}

/** What the Chat chunks accumulate to. */
function accumulated(chunks: LooseChunk[]) {
  let text = "";
  const calls: { id: unknown; name: unknown; arguments: string }[] = [];
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? "";
      for (const fragment of choice.delta.tool_calls ?? []) {
        calls[fragment.index] ??= { id: fragment.id, name: fragment.function?.name, arguments: "" };
        calls[fragment.index]!.arguments += fragment.function?.arguments ?? "";
      }
    }
  }
  return { text, calls };
}

const recordings = listRecordings("openai-responses", "chunks");

if (!hasRecordings) console.warn(recordingsMissingMessage);

describe.skipIf(!hasRecordings)("recorded Responses streams -> Chat chunks", () => {
  it("finds recorded Responses streams", () => {
    expect(recordings.length).toBeGreaterThan(0);
  });

  for (const recording of recordings) {
    splitResponses(recording.readChunks<LooseEvent>()).forEach((events, position) => {
      describe(`${recording.name} response ${position + 1}`, () => {
        const bytes = encode(events);
        const terminal = events.at(-1)!;
        const run = (size?: number) => feed(createResponsesSseToChatSse({ includeUsage: true }), bytes, size);

        it("transcodes, carrying the recorded text and function calls", () => {
          const frames = parseSseFrames(run()).map((frame) => frame.data);
          if (terminal.type === "response.failed") {
            expect(frames.at(-1)).toMatchObject({ error: { message: expect.any(String) } });
            return;
          }
          expect(frames.at(-1)).toBe("[DONE]");
          const chunks = frames.filter((data): data is LooseChunk => typeof data === "object");
          expect(accumulated(chunks)).toEqual(carried(terminal));
        });

        it("gives the same bytes when fed one byte at a time", () => {
          expect(run(1)).toBe(run());
        });

        it("is accepted by the openai SDK's chat.completions.stream() helper", async () => {
          const text = run();
          if (terminal.type === "response.failed") {
            await expect(replayChatStream(text)).rejects.toThrow();
            return;
          }
          const final = await replayChatStream(text);
          expect(final.choices[0]?.message.content ?? "").toBe(carried(terminal).text);
        });
      });
    });
  }
});
