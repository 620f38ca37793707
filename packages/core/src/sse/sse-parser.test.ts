import { describe, expect, it } from "vitest";
import { splitBytes } from "../testing/fixtures";
import { encodeJsonSseFrame, encodeSseFrame, SSE_DONE_FRAME } from "./sse-encoder";
import { createSseParser, parseSseStream, type SseEvent } from "./sse-parser";

const stream = [
  'event: message_start\r\ndata: {"type":"message_start","text":"héllo 🌍"}\r\n\r\n',
  ": keep-alive comment\n\n",
  "event: ping\ndata: {}\n\n",
  "data: first line\ndata: second line\n\n",
  'id: 7\ndata: {"emoji":"日本語"}\n\n',
  SSE_DONE_FRAME,
].join("");
const bytes = new TextEncoder().encode(stream);

const parseChunks = (chunks: Array<Uint8Array | string>): SseEvent[] => {
  const parser = createSseParser();
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
};

const expected: SseEvent[] = [
  { event: "message_start", data: '{"type":"message_start","text":"héllo 🌍"}' },
  { event: "ping", data: "{}" },
  { data: "first line\nsecond line" },
  { id: "7", data: '{"emoji":"日本語"}' },
  { data: "[DONE]" },
];

describe("createSseParser", () => {
  it("parses a whole stream", () => {
    expect(parseChunks([bytes])).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 7, 64])("gives the same events when split every %i bytes", (size) => {
    expect(parseChunks(splitBytes(bytes, size))).toEqual(expected);
  });

  it("gives the same events at every single split point", () => {
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(parseChunks([bytes.subarray(0, offset), bytes.subarray(offset)])).toEqual(expected);
    }
  });

  it("flushes a last event that has no trailing blank line", () => {
    expect(parseChunks(["data: tail"])).toEqual([{ data: "tail" }]);
  });

  it("parses an async iterable of chunks", async () => {
    async function* source() {
      yield* splitBytes(bytes, 4);
    }
    const events: SseEvent[] = [];
    for await (const event of parseSseStream(source())) events.push(event);
    expect(events).toEqual(expected);
  });
});

describe("SSE encoders", () => {
  it("writes one frame with LF endings", () => {
    expect(encodeSseFrame("x", "ping")).toBe("event: ping\ndata: x\n\n");
    expect(encodeSseFrame("a\r\nb")).toBe("data: a\ndata: b\n\n");
    expect(encodeJsonSseFrame({ a: "b\nc" }, "e")).toBe('event: e\ndata: {"a":"b\\nc"}\n\n');
  });

  it("round-trips through the parser", () => {
    const frames = encodeSseFrame("line one\nline two", "multi") + encodeJsonSseFrame({ n: 1 });
    expect(parseChunks([frames])).toEqual([
      { event: "multi", data: "line one\nline two" },
      { data: '{"n":1}' },
    ]);
  });
});
