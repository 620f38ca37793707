import { describe, expect, it } from "vitest";
import { finishReasonToStatus, statusToFinishReason } from "./map-finish-reason";

describe("finishReasonToStatus", () => {
  it.each([
    ["stop", "completed", null],
    ["tool_calls", "completed", null],
    ["function_call", "completed", null],
    [null, "completed", null],
    ["length", "incomplete", { reason: "max_output_tokens" }],
    ["content_filter", "incomplete", { reason: "content_filter" }],
    ["insufficient_system_resource", "incomplete", { reason: "insufficient_system_resource" }],
  ] as const)("%s -> %s", (finishReason, status, incompleteDetails) => {
    expect(finishReasonToStatus(finishReason)).toEqual({ status, incompleteDetails });
  });
});

describe("statusToFinishReason", () => {
  it.each([
    ["completed", null, false, "stop"],
    ["completed", null, true, "tool_calls"],
    ["incomplete", { reason: "max_output_tokens" }, false, "length"],
    ["incomplete", { reason: "max_output_tokens" }, true, "length"],
    ["incomplete", null, false, "length"],
    ["incomplete", { reason: "content_filter" }, false, "content_filter"],
    ["failed", null, false, null],
    ["in_progress", null, false, null],
    ["cancelled", null, false, null],
  ] as const)("%s %j tools=%s -> %s", (status, details, hasToolCalls, expected) => {
    expect(statusToFinishReason(status, details, hasToolCalls)).toBe(expected);
  });

  it("inverts finishReasonToStatus for the OpenAI finish reasons", () => {
    for (const reason of ["stop", "length", "content_filter"]) {
      const { status, incompleteDetails } = finishReasonToStatus(reason);
      expect(statusToFinishReason(status, incompleteDetails)).toBe(reason);
    }
  });
});
