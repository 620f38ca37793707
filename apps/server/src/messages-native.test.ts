import { describe, expect, it } from "vitest";
import { completeFramesLength, leadingErrorEvent, observeNativeMessagesStream } from "./messages-native";

const bytes = (text: string) => Buffer.from(text, "utf8");

describe("completeFramesLength", () => {
  it.each([
    ["no frame yet", "event: ping\ndata: {}", 0],
    ["one whole frame", "event: ping\ndata: {}\n\n", 22],
    ["a whole frame and the start of the next", "data: a\n\ndata: b\n", 9],
    ["two whole frames", "data: a\n\ndata: b\n\n", 18],
    ["CRLF line endings", "data: a\r\n\r\ndata: b", 11],
    ["an empty input", "", 0],
  ])("finds %s", (_name, text, length) => {
    expect(completeFramesLength(bytes(text))).toBe(length);
  });
});

describe("observeNativeMessagesStream", () => {
  const frames = [
    'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":10,"cache_read_input_tokens":90,"output_tokens":1}}}\n\n',
    'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":8}}\n\n',
    'event: message_stop\ndata: {"type":"message_stop"}',
  ].join("");

  it("merges message_start and message_delta usage, whatever the chunking", () => {
    const observer = observeNativeMessagesStream("anthropic");
    const all = bytes(frames);
    for (let start = 0; start < all.length; start += 5) observer.push(all.subarray(start, start + 5));
    expect(observer.finished).toBe(false);
    observer.end();
    expect(observer.finished).toBe(true);
    expect(observer.usage()).toMatchObject({
      prompt_tokens: 100,
      completion_tokens: 8,
      prompt_tokens_details: { cached_tokens: 90 },
    });
  });

  it("records the upstream's own error event", () => {
    const observer = observeNativeMessagesStream("anthropic");
    observer.push(
      bytes(
        'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
      ),
    );
    expect(observer.upstreamError).toMatchObject({ code: "overloaded_error", message: "Overloaded" });
    expect(observer.finished).toBe(false);
  });
});

describe("leadingErrorEvent", () => {
  const overloaded =
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
  const messageStart = 'event: message_start\ndata: {"type":"message_start","message":{"usage":{}}}\n\n';

  it.each([
    ["an error event", overloaded],
    ["an error event with CRLF framing", overloaded.replaceAll("\n", "\r\n")],
    ["an error event followed by more bytes", `${overloaded}event: ping\ndata: {"type":"p`],
  ])("reads %s first as a retryable error of the configured provider", (_name, text) => {
    expect(leadingErrorEvent(bytes(text), "claude-direct")).toMatchObject({
      status: 529,
      code: "overloaded_error",
      message: "Overloaded",
      retryable: true,
      provider: "claude-direct",
    });
  });

  it.each([
    ["a stream that starts with message_start", `${messageStart}${overloaded}`],
    ["an error event not complete yet", overloaded.slice(0, -1)],
    ["bytes that are not an event", "data: not json\n\n"],
  ])("finds nothing in %s", (_name, text) => {
    expect(leadingErrorEvent(bytes(text), "anthropic")).toBeUndefined();
  });

  it("maps an invalid_request_error as a 400 that does not fail over", () => {
    const invalid =
      'event: error\ndata: {"type":"error","error":{"type":"invalid_request_error","message":"Bad"}}\n\n';
    expect(leadingErrorEvent(bytes(invalid), "anthropic")).toMatchObject({ status: 400, retryable: false });
  });
});
