import { chatResponseToResponses } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  type ResponseObject,
  type ResponsesRequest,
} from "@switchyard/core";
import { expect, it } from "vitest";
import { createChatSseToResponsesSse } from "../sse/chat-sse-to-responses-sse";
import { accumulateChatChunks } from "../testing/accumulate-chat-chunks";
import { checkResponsesSequence } from "../testing/check-responses-sequence";
import { alignLifecycleResponses } from "../testing/lifecycle-match";
import { replayResponsesStream, withoutSdkAdditions } from "../testing/replay";
import { describeSseFixtures } from "../testing/sse-fixture-cases";
import { parseSseFrames } from "../testing/sse-frames";

interface FixtureOptions {
  request: ResponsesRequest;
  model?: string;
  /** Why this case is not compared with the non-streaming translation (an input it cannot read). */
  skipNonStreamingComparison?: string;
}

/** 2023-11-14T22:13:20Z: `completed_at` 1700000000 in every expected file. */
const clock = () => 1_700_000_000_000;

describeSseFixtures(
  "chat-stream-to-responses",
  (options: FixtureOptions) =>
    createChatSseToResponsesSse({
      request: options.request,
      ids: createSequentialIdGenerator(),
      clock,
      ...(options.model === undefined ? {} : { model: options.model }),
    }),
  ({ fixture, options, input, run }) => {
    it("emits the expected events", () => {
      const expected = parseSseFrames(fixture.readText("expected.sse"));
      const actual = parseSseFrames(run().text);
      for (const frame of actual) expect(frame.event).toBe((frame.data as { type: string }).type);
      expect(alignLifecycleResponses(actual, expected)).toEqual(expected);
    });

    it("keeps the rules strict clients check", () => {
      const events = parseSseFrames(run().text).map((frame) => frame.data as { type: string });
      expect(checkResponsesSequence(events)).toEqual([]);
    });

    it("is accepted by the openai SDK, whose final Response equals the non-streaming translation", async () => {
      const text = run().text;
      const events = parseSseFrames(text).map((frame) => frame.data as { type: string; message?: string });
      const failure = events.find((event) => event.type === "error");
      if (failure !== undefined) {
        await expect(replayResponsesStream(text, options.request)).rejects.toThrow(failure.message);
        return;
      }
      const final = withoutSdkAdditions(await replayResponsesStream(text, options.request));
      const terminal = events.at(-1) as { type: string; response: ResponseObject };
      expect(final).toEqual(terminal.response);
      if (terminal.type === "response.failed" || options.skipNonStreamingComparison !== undefined) return;
      const chunks = parseSseFrames(input)
        .map((frame) => frame.data as ChatCompletionChunk)
        .filter((chunk) => Array.isArray(chunk?.choices));
      const nonStreaming = chatResponseToResponses(accumulateChatChunks(chunks), {
        request: options.request,
        ids: createSequentialIdGenerator(),
        clock,
      }).value;
      expect(final).toEqual(withoutSdkAdditions(nonStreaming));
    });
  },
);
