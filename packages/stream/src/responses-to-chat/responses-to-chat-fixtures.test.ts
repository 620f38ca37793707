import { responsesResponseToChat } from "@switchyard/chat-responses";
import type { ChatCompletionChunk, ChatCompletionResponse, ResponseObject } from "@switchyard/core";
import { expect, it } from "vitest";
import { createResponsesSseToChatSse } from "../sse/responses-sse-to-chat-sse";
import { replayChatStream, withoutSdkAdditions } from "../testing/replay";
import { describeSseFixtures } from "../testing/sse-fixture-cases";
import { parseSseFrames } from "../testing/sse-frames";

interface FixtureOptions {
  includeUsage: boolean;
  model?: string;
  /** Why this case is not compared with the non-streaming translation. */
  skipNonStreamingComparison?: string;
}

/** The SDK keeps only the last `reasoning_*` fragment; those fields are compared from the chunks instead. */
function withoutReasoning(completion: ChatCompletionResponse): ChatCompletionResponse {
  const choices = completion.choices.map((choice) => {
    const { reasoning_content: _content, reasoning_details: _details, ...message } = choice.message;
    return { ...choice, message };
  });
  return { ...completion, choices };
}

describeSseFixtures(
  "responses-stream-to-chat",
  (options: FixtureOptions) =>
    createResponsesSseToChatSse({
      includeUsage: options.includeUsage,
      ...(options.model === undefined ? {} : { model: options.model }),
    }),
  ({ fixture, options, input, run }) => {
    it("emits the expected chunks", () => {
      const actual = parseSseFrames(run().text);
      for (const frame of actual) expect(frame.event).toBeUndefined();
      expect(actual).toEqual(parseSseFrames(fixture.readText("expected.sse")));
    });

    it("is accepted by the openai SDK, whose final completion equals the non-streaming translation", async () => {
      const text = run().text;
      const frames = parseSseFrames(text).map((frame) => frame.data);
      const failure = frames.find(
        (data): data is { error: { message: string } } =>
          typeof data === "object" && data !== null && "error" in data,
      );
      if (failure !== undefined) {
        await expect(replayChatStream(text)).rejects.toThrow(failure.error.message);
        return;
      }
      const final = withoutSdkAdditions(await replayChatStream(text)) as unknown as ChatCompletionResponse;
      if (options.skipNonStreamingComparison !== undefined) return;
      const terminal = parseSseFrames(input)
        .map((frame) => frame.data as { type: string; response?: ResponseObject })
        .findLast((event) => event.type === "response.completed" || event.type === "response.incomplete");
      const nonStreaming = responsesResponseToChat(terminal!.response!).value;
      // With include_usage every chunk carries `usage` (null until the usage chunk), so the SDK keeps a null.
      if (!options.includeUsage) delete nonStreaming.usage;
      else nonStreaming.usage ??= null;
      if (options.model !== undefined) nonStreaming.model = options.model;
      expect(withoutReasoning(final)).toEqual(withoutReasoning(nonStreaming));
      const chunks = frames.filter((data): data is ChatCompletionChunk => typeof data === "object");
      const details = chunks.flatMap((chunk) => chunk.choices[0]?.delta.reasoning_details ?? []);
      expect(details).toEqual(nonStreaming.choices[0]!.message.reasoning_details ?? []);
      const reasoning = chunks.map((chunk) => chunk.choices[0]?.delta.reasoning_content ?? "").join("");
      expect(reasoning).toBe(nonStreaming.choices[0]!.message.reasoning_content ?? "");
    });
  },
);
