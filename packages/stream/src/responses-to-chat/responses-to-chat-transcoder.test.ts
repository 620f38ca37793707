import type { ResponseStreamEvent } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createResponsesToChatTranscoder } from "./responses-to-chat-transcoder";

const response = { id: "resp_1", object: "response", created_at: 1700000000, model: "gpt-test", output: [] };

const events = {
  created: { type: "response.created", sequence_number: 0, response: { ...response, status: "in_progress" } },
  messageAdded: (outputIndex: number, phase: string) => ({
    type: "response.output_item.added",
    sequence_number: 1,
    output_index: outputIndex,
    item: {
      id: `msg_${outputIndex}`,
      type: "message",
      status: "in_progress",
      content: [],
      phase,
      role: "assistant",
    },
  }),
  messageDone: (outputIndex: number, phase: string) => ({
    type: "response.output_item.done",
    sequence_number: 2,
    output_index: outputIndex,
    item: {
      id: `msg_${outputIndex}`,
      type: "message",
      status: "completed",
      content: [],
      phase,
      role: "assistant",
    },
  }),
  completed: {
    type: "response.completed",
    sequence_number: 3,
    response: { ...response, status: "completed" },
  },
} as const;

/** Runs some events through a fresh transcoder and returns the deltas of its chunks. */
function deltas(input: readonly object[]): unknown[] {
  const transcoder = createResponsesToChatTranscoder({ includeUsage: false });
  return input
    .flatMap((event) => transcoder.push(event as ResponseStreamEvent))
    .map((chunk) => chunk.choices[0]?.delta);
}

describe("createResponsesToChatTranscoder: phase", () => {
  it("gives a message that streamed no delta its phase when the message is done", () => {
    expect(
      deltas([
        events.created,
        events.messageAdded(0, "final_answer"),
        events.messageDone(0, "final_answer"),
        events.completed,
      ]),
    ).toEqual([{ role: "assistant", content: null }, { phase: "final_answer" }, {}]);
  });

  it("still sends the phase when the message never reports done", () => {
    expect(deltas([events.created, events.messageAdded(0, "commentary"), events.completed])).toEqual([
      { role: "assistant", content: null },
      { phase: "commentary" },
      {},
    ]);
  });
});
