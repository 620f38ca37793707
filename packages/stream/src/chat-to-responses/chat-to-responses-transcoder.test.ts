import { type ChatCompletionChunk, createSequentialIdGenerator, GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { checkResponsesSequence } from "../testing/check-responses-sequence";
import { createChatToResponsesTranscoder } from "./chat-to-responses-transcoder";

const chunk = (delta: ChatCompletionChunk["choices"][number]["delta"], finish: string | null = null) =>
  ({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1699999990,
    model: "gpt-test",
    choices: [{ index: 0, delta, finish_reason: finish }],
  }) satisfies ChatCompletionChunk;

const create = () =>
  createChatToResponsesTranscoder({
    request: { model: "gpt-test", input: "Hi" },
    ids: createSequentialIdGenerator(),
    clock: () => 1_700_000_000_000,
  });

describe("createChatToResponsesTranscoder", () => {
  it("emits nothing after the terminal event", () => {
    const transcoder = create();
    transcoder.push(chunk({ content: "Hi" }, "stop"));
    expect(transcoder.end().at(-1)?.type).toBe("response.completed");
    expect(transcoder.push(chunk({ content: "late" }))).toEqual([]);
    expect(transcoder.end()).toEqual([]);
    expect(transcoder.fail(new GatewayError({ status: 500, message: "late" }))).toEqual([]);
  });

  it("fails before any chunk with created, in_progress, error and response.failed", () => {
    const events = create().fail(new GatewayError({ status: 429, message: "Too many requests." }));
    expect(events.map((event) => event.type)).toEqual([
      "response.created",
      "response.in_progress",
      "error",
      "response.failed",
    ]);
    expect(events.at(-1)).toMatchObject({ response: { error: { code: "rate_limit_exceeded" } } });
  });

  it("keeps items apart when reasoning, text and several tool calls interleave", () => {
    const transcoder = create();
    const events = [
      ...transcoder.push(chunk({ reasoning_content: "a" })),
      ...transcoder.push(chunk({ content: "b" })),
      ...transcoder.push(
        chunk({
          tool_calls: [
            { index: 0, id: "call_1", type: "function", function: { name: "f", arguments: "{" } },
            { index: 1, id: "call_2", type: "function", function: { name: "g", arguments: "{" } },
            { index: 2, id: "call_3", type: "function", function: { name: "h", arguments: "" } },
          ],
        }),
      ),
      ...transcoder.push(
        chunk({
          tool_calls: [
            { index: 2, function: { arguments: "{}" } },
            { index: 1, function: { arguments: "}" } },
            { index: 0, function: { arguments: "}" } },
          ],
        }),
      ),
      ...transcoder.push(chunk({}, "tool_calls")),
      ...transcoder.end(),
    ];
    expect(checkResponsesSequence(events)).toEqual([]);
    const final = events.at(-1) as {
      response: { output: { type: string; arguments?: string; call_id?: string }[] };
    };
    expect(final.response.output.map((item) => [item.type, item.call_id, item.arguments])).toEqual([
      ["reasoning", undefined, undefined],
      ["message", undefined, undefined],
      ["function_call", "call_1", "{}"],
      ["function_call", "call_2", "{}"],
      ["function_call", "call_3", "{}"],
    ]);
  });

  it("gives a tool call without an upstream id a generated call_id", () => {
    const transcoder = create();
    transcoder.push(
      chunk({ tool_calls: [{ index: 0, function: { name: "f", arguments: "{}" } }] }, "tool_calls"),
    );
    const final = transcoder.end().at(-1) as { response: { output: { call_id: string }[] } };
    expect(final.response.output[0]?.call_id).toBe("call_1");
  });

  it("opens no reasoning item for an unsigned, empty reasoning detail after text", () => {
    const transcoder = create();
    transcoder.push(chunk({ content: "Hi" }));
    transcoder.push(chunk({ reasoning_details: [{ type: "reasoning.text", text: "" }] }, "stop"));
    const final = transcoder.end().at(-1) as { response: { output: { type: string }[] } };
    expect(final.response.output.map((item) => item.type)).toEqual(["message"]);
  });
});
