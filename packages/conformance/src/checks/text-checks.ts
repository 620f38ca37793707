import {
  answerStream,
  answerWhole,
  assembleChunks,
  type ConformanceCheck,
  collect,
  userRequest,
} from "../check";
import { ensure, ensureEqual } from "../check-failure";
import type { Scenario } from "../conformance-subject";

const textScenario: Scenario = {
  text: "Hello from the fake upstream: ünïcödé and emoji 🚂 survive any split.",
  usage: { inputTokens: 11, outputTokens: 17 },
  finish: "stop",
};

/** Text answers, whole and streamed at several split points, with their usage. */
export const textChecks: ConformanceCheck[] = [
  {
    id: "text.whole",
    title: "a whole text answer: content, finish_reason, usage",
    async run(context) {
      answerWhole(context, textScenario);
      const { response } = await context.provider.chat(userRequest(context, "Hi"), {
        apiKey: context.apiKey,
      });
      ensureEqual(response.object, "chat.completion", "object");
      const choice = response.choices[0];
      ensure(choice !== undefined, "the answer has no choice");
      ensureEqual(choice.message.role, "assistant", "message.role");
      ensureEqual(choice.message.content, textScenario.text, "message.content");
      ensureEqual(choice.finish_reason, "stop", "finish_reason");
      ensureEqual(response.usage?.prompt_tokens, 11, "usage.prompt_tokens");
      ensureEqual(response.usage?.completion_tokens, 17, "usage.completion_tokens");
      ensureEqual(response.usage?.total_tokens, 28, "usage.total_tokens");
    },
  },
  ...[1, 3, 17, undefined].map(
    (pieceSize): ConformanceCheck => ({
      id: `text.stream.${pieceSize ?? "whole"}`,
      title: `a streamed text answer cut into ${pieceSize === undefined ? "one piece" : `pieces of ${pieceSize} bytes`}`,
      async run(context) {
        answerStream(context, textScenario, pieceSize);
        const request = userRequest(context, "Hi", { stream: true, stream_options: { include_usage: true } });
        const { chunks } = await context.provider.streamChat(request, { apiKey: context.apiKey });
        const all = await collect(chunks);
        ensure(
          all.every((chunk) => chunk.object === "chat.completion.chunk"),
          "every chunk is a chat.completion.chunk",
        );
        const assembled = assembleChunks(all);
        ensureEqual(assembled.text, textScenario.text, "the streamed content");
        ensureEqual(assembled.finishReason, "stop", "finish_reason");
      },
    }),
  ),
  {
    id: "usage.stream",
    title: "a streamed answer ends with its usage",
    requires: "streaming_usage",
    async run(context) {
      answerStream(context, textScenario);
      const request = userRequest(context, "Hi", { stream: true, stream_options: { include_usage: true } });
      const { chunks } = await context.provider.streamChat(request, { apiKey: context.apiKey });
      const { usage } = assembleChunks(await collect(chunks));
      ensureEqual(
        [usage?.prompt_tokens, usage?.completion_tokens, usage?.total_tokens],
        [11, 17, 28],
        "the streamed usage (prompt, completion, total)",
      );
    },
  },
];
