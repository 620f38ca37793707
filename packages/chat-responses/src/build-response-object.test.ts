import { RESPONSE_OBJECT_FIELDS, type ResponseOutputItem } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { buildResponseObject, outputTextOf } from "./build-response-object";

const state = {
  id: "resp_1",
  createdAt: 1767225600,
  model: "gpt-4.1",
  status: "completed" as const,
  output: [],
};

describe("buildResponseObject", () => {
  it("has every field of the public Response object, and nothing unknown", () => {
    const object = buildResponseObject({ model: "gpt-4.1", input: "Hi" }, state);
    expect(Object.keys(object).sort()).toEqual([...RESPONSE_OBJECT_FIELDS].sort());
  });

  it("fills OpenAI's documented defaults when the request sets nothing", () => {
    const object = buildResponseObject({ model: "gpt-4.1", input: "Hi" }, state);
    expect(object).toMatchObject({
      temperature: 1,
      top_p: 1,
      truncation: "disabled",
      tool_choice: "auto",
      tools: [],
      parallel_tool_calls: true,
      store: false,
      background: false,
      text: { format: { type: "text" }, verbosity: "medium" },
      reasoning: { effort: null, summary: null },
      top_logprobs: 0,
      frequency_penalty: 0,
      presence_penalty: 0,
      service_tier: "default",
      metadata: {},
      instructions: null,
      max_output_tokens: null,
      max_tool_calls: null,
      previous_response_id: null,
      conversation: null,
      prompt: null,
      user: null,
      usage: null,
      error: null,
      incomplete_details: null,
      completed_at: null,
    });
  });

  it("echoes the request and the state", () => {
    const object = buildResponseObject(
      {
        model: "gpt-4.1",
        input: "Hi",
        temperature: 0,
        truncation: "auto",
        reasoning: { generate_summary: "concise" },
        conversation: { id: "conv_1" },
        background: true,
      },
      {
        ...state,
        status: "failed",
        error: { code: "server_error", message: "boom" },
        serviceTier: "flex",
        completedAt: 1767225601,
      },
    );
    expect(object).toMatchObject({
      temperature: 0,
      truncation: "auto",
      reasoning: { effort: null, summary: "concise" },
      conversation: { id: "conv_1" },
      background: true,
      status: "failed",
      error: { code: "server_error", message: "boom" },
      service_tier: "flex",
      completed_at: 1767225601,
    });
  });
});

describe("outputTextOf", () => {
  it("concatenates output_text parts of every message, skipping refusals and other items", () => {
    const output: ResponseOutputItem[] = [
      { id: "rs_1", type: "reasoning", summary: [{ type: "summary_text", text: "not this" }] },
      {
        id: "msg_1",
        type: "message",
        role: "assistant",
        status: "completed",
        content: [
          { type: "output_text", text: "One " },
          { type: "refusal", refusal: "nor this" },
        ],
      },
      { id: "fc_1", type: "function_call", call_id: "c", name: "f", arguments: "{}" },
      {
        id: "msg_2",
        type: "message",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: "two" }],
      },
    ];
    expect(outputTextOf(output)).toBe("One two");
  });
});
