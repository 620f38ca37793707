import { createSequentialIdGenerator } from "@switchyard/core";
import {
  hasRecordings,
  listRecordings,
  type Recording,
  recordingsMissingMessage,
} from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createChatSseToResponsesSse } from "../sse/chat-sse-to-responses-sse";
import { checkResponsesSequence } from "../testing/check-responses-sequence";
import { replayResponsesStream, withoutSdkAdditions } from "../testing/replay";
import { feed, parseSseFrames } from "../testing/sse-frames";

interface LooseChunk {
  choices?: { index: number; delta?: Record<string, unknown> }[];
}

interface ToolCallSeen {
  id: string;
  name: string;
  arguments: string;
}

/** What a recorded Chat stream carries for choice 0, read straight from its chunks. */
function carried(chunks: LooseChunk[]): { text: string; reasoning: string; calls: ToolCallSeen[] } {
  let text = "";
  let reasoning = "";
  const calls = new Map<number, ToolCallSeen>();
  for (const chunk of chunks) {
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      if (choice.index !== 0) continue;
      const content = delta.content;
      if (typeof content === "string") text += content;
      else if (Array.isArray(content)) {
        for (const part of content as { type: string; text?: string; thinking?: { text: string }[] }[]) {
          if (part.type === "text") text += part.text ?? "";
          if (part.type === "thinking") for (const thought of part.thinking ?? []) reasoning += thought.text;
        }
      }
      const thought = delta.reasoning_content ?? delta.reasoning;
      if (typeof thought === "string") reasoning += thought;
      for (const fragment of (delta.tool_calls ?? []) as {
        index?: number;
        id?: string;
        function?: { name?: string; arguments?: string };
      }[]) {
        const index = fragment.index ?? 0;
        const call = calls.get(index) ?? { id: "", name: "", arguments: "" };
        if (fragment.id) call.id = fragment.id;
        if (fragment.function?.name) call.name = fragment.function.name;
        call.arguments += fragment.function?.arguments ?? "";
        calls.set(index, call);
      }
    }
  }
  const ordered = [...calls.entries()].sort(([left], [right]) => left - right).map(([, call]) => call);
  return { text, reasoning, calls: ordered };
}

const bytesOf = (recording: Recording): Uint8Array =>
  new TextEncoder().encode(
    recording.kind === "sse"
      ? recording.readText()
      : `${recording
          .readChunks()
          .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
          .join("")}data: [DONE]\n\n`,
  );

const recordings = listRecordings("openai-chat").filter((recording) => recording.kind !== "json");
const request = { model: "recorded", input: "Hi" };

if (!hasRecordings) console.warn(recordingsMissingMessage);

describe.skipIf(!hasRecordings)("recorded Chat streams -> Responses events", () => {
  it("finds recorded Chat streams", () => {
    expect(recordings.length).toBeGreaterThan(0);
  });

  for (const recording of recordings) {
    describe(recording.name, () => {
      const bytes = bytesOf(recording);
      const run = (size?: number) =>
        feed(
          createChatSseToResponsesSse({ request, ids: createSequentialIdGenerator(), clock: () => 0 }),
          bytes,
          size,
        );

      it("transcodes into a sound event sequence carrying the recorded text, reasoning and tool calls", () => {
        const events = parseSseFrames(run()).map((frame) => frame.data as { type: string; response?: never });
        expect(checkResponsesSequence(events)).toEqual([]);
        const terminal = events.at(-1) as unknown as {
          type: string;
          response: { output: { type: string; [field: string]: unknown }[]; output_text: string };
        };
        expect(["response.completed", "response.incomplete"]).toContain(terminal.type);
        const chunks = parseSseFrames(bytes).map((frame) => frame.data as LooseChunk);
        const expected = carried(chunks.filter((chunk) => typeof chunk === "object"));
        const output = terminal.response.output;
        expect(terminal.response.output_text).toBe(expected.text);
        const summaries = output
          .filter((item) => item.type === "reasoning")
          .flatMap((item) => item.summary as { text: string }[]);
        expect(summaries.map((part) => part.text).join("")).toBe(expected.reasoning);
        const calls = output
          .filter((item) => item.type === "function_call")
          .map((item) => ({ id: item.call_id, name: item.name, arguments: item.arguments }));
        expect(calls).toEqual(expected.calls);
      });

      it("gives the same bytes when fed one byte at a time", () => {
        expect(run(1)).toBe(run());
      });

      it("is accepted by the openai SDK's responses.stream() helper", async () => {
        const text = run();
        const final = withoutSdkAdditions(await replayResponsesStream(text, request));
        const terminal = parseSseFrames(text).at(-1)?.data as { response: unknown };
        expect(final).toEqual(terminal.response);
      });
    });
  }
});
