import { describe, expect, it } from "vitest";
import { normalizeFinishReason } from "./normalize-finish-reason";

describe("normalizeFinishReason", () => {
  it.each([
    ["eos", "stop"],
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["model_length", "length"],
    ["max_tokens", "length"],
    ["stop", "stop"],
    ["length", "length"],
    ["tool_calls", "tool_calls"],
    ["content_filter", "content_filter"],
    ["insufficient_system_resource", "insufficient_system_resource"],
    [null, null],
  ])("maps %s to %s", (reason, expected) => {
    expect(normalizeFinishReason(reason)).toBe(expected);
  });
});
