import { chatResponseToResponses } from "@switchyard/chat-responses";
import {
  type ChatCompletionChunk,
  createSequentialIdGenerator,
  type ResponseObject,
  type ResponsesRequest,
  type Warning,
} from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createChatSseToResponsesSse } from "../sse/chat-sse-to-responses-sse";
import { accumulateChatChunks } from "../testing/accumulate-chat-chunks";
import { checkResponsesSequence } from "../testing/check-responses-sequence";
import { alignLifecycleResponses } from "../testing/lifecycle-match";
import { replayResponsesStream, withoutSdkAdditions } from "../testing/replay";
import { feed, parseSseFrames } from "../testing/sse-frames";

interface FixtureOptions {
  request: ResponsesRequest;
  model?: string;
  /** Why this case is not compared with the non-streaming translation (an input it cannot read). */
  skipNonStreamingComparison?: string;
}

/** 2023-11-14T22:13:20Z: `completed_at` 1700000000 in every expected file. */
const clock = () => 1_700_000_000_000;

const cases = loadFixtureCases("chat-stream-to-responses");

describe("chat-stream-to-responses golden fixtures", () => {
  it("has at least 20 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const fixture of cases) {
    describe(fixture.name, () => {
      const options = fixture.readJson<FixtureOptions>("options.json");
      const input = fixture.readBytes("input.sse");
      const run = (size?: number) => {
        const transcoder = createChatSseToResponsesSse({
          request: options.request,
          ids: createSequentialIdGenerator(),
          clock,
          ...(options.model === undefined ? {} : { model: options.model }),
        });
        return { text: feed(transcoder, input, size), warnings: transcoder.warnings };
      };

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

      it("reports the expected warnings", () => {
        const expected = fixture.readJsonOr<Warning[]>("expected-warnings.json", []);
        expect(run().warnings).toEqual(expected);
      });

      it("gives the same bytes when fed one byte at a time", () => {
        expect(run(1).text).toBe(run().text);
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
    });
  }
});
