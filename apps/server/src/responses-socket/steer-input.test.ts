import type { ResponseObject } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { isInvalidSteer, parseSteer, requiredInputOf } from "./steer-input";

const steer = (fields: Record<string, unknown>) => ({
  type: "response.steer",
  previous_response_id: "resp_1",
  ...fields,
});

describe("parseSteer", () => {
  it.each([
    [
      "a string",
      steer({ input: "Use metric units" }),
      [{ type: "message", role: "user", content: "Use metric units" }],
    ],
    [
      "user messages with parts",
      steer({ input: [{ role: "user", content: [{ type: "input_text", text: "Shorter" }] }] }),
      [{ type: "message", role: "user", content: [{ type: "input_text", text: "Shorter" }] }],
    ],
    [
      "a typed message",
      steer({ input: [{ type: "message", role: "user", content: "Stop" }] }),
      [{ type: "message", role: "user", content: "Stop" }],
    ],
  ])("accepts %s", (_name, event, items) => {
    const parsed = parseSteer(event);
    expect(isInvalidSteer(parsed)).toBe(false);
    expect(parsed).toMatchObject({ previousResponseId: "resp_1", items });
  });

  it.each([
    ["a stream_id", steer({ input: "x", stream_id: "main" }), "stream_id"],
    ["no target", { type: "response.steer", input: "x" }, "previous_response_id"],
    ["an empty string", steer({ input: "" }), "empty"],
    ["an empty list", steer({ input: [] }), "non-empty"],
    ["an assistant message", steer({ input: [{ role: "assistant", content: "x" }] }), "role"],
    [
      "a tool output",
      steer({ input: [{ type: "function_call_output", call_id: "c", output: "x" }] }),
      "not allowed",
    ],
    [
      "an output_text part",
      steer({ input: [{ role: "user", content: [{ type: "output_text", text: "x" }] }] }),
      "content[0]",
    ],
    ["an extra message field", steer({ input: [{ role: "user", content: "x", id: "m1" }] }), "id"],
  ])("refuses %s", (_name, event, mentioned) => {
    const parsed = parseSteer(event);
    expect(isInvalidSteer(parsed)).toBe(true);
    if (isInvalidSteer(parsed)) expect(parsed.message).toContain(mentioned);
  });
});

describe("requiredInputOf", () => {
  it("names every client-owned call of the output, and nothing for text", () => {
    const output = [
      { type: "message", role: "assistant", content: [] },
      { type: "function_call", call_id: "call_1", name: "get_weather", arguments: "{}" },
      { type: "custom_tool_call", call_id: "call_2", name: "apply_patch", input: "*** Begin Patch" },
      { type: "mcp_approval_request", id: "mcpr_1", name: "deploy", server_label: "ops", arguments: "{}" },
      { type: "tool_search_call", call_id: "call_3", execution: "client" },
      { type: "tool_search_call", call_id: "call_4", execution: "server" },
    ];
    expect(requiredInputOf({ output } as unknown as ResponseObject)).toEqual([
      { type: "function_call_output", call_id: "call_1", name: "get_weather" },
      { type: "custom_tool_call_output", call_id: "call_2" },
      { type: "mcp_approval_response", approval_request_id: "mcpr_1" },
      { type: "tool_search_output", call_id: "call_3", execution: "client" },
    ]);
    expect(requiredInputOf({ output: [output[0]] } as unknown as ResponseObject)).toEqual([]);
  });
});
