import { describe, expect, it } from "vitest";
import { withStreamId } from "./socket-event-sink";

describe("withStreamId", () => {
  it.each([
    [
      '{"type":"response.created","sequence_number":0}',
      "main",
      '{"type":"response.created","sequence_number":0,"stream_id":"main"}',
    ],
    ['{"type":"x"}\n', 'a"b', '{"type":"x","stream_id":"a\\"b"}'],
    ["{}", "main", '{"stream_id":"main"}'],
    ['{"type":"x"}', undefined, '{"type":"x"}'],
  ])("adds the stream_id to %s", (json, streamId, expected) => {
    expect(withStreamId(json, streamId)).toBe(expected);
    if (streamId !== undefined) expect(JSON.parse(withStreamId(json, streamId)).stream_id).toBe(streamId);
  });
});
