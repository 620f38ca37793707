import { describe, expect, it } from "vitest";
import type { ReasoningEffort } from "./chat-request";
import { nearestReasoningEffort } from "./reasoning-effort-order";

describe("nearestReasoningEffort", () => {
  it.each<[ReasoningEffort, ReasoningEffort[], ReasoningEffort | undefined]>([
    ["xhigh", ["minimal", "low", "medium", "high"], "high"],
    ["max", ["none", "low", "medium", "high", "xhigh"], "xhigh"],
    ["minimal", ["none", "low", "medium", "high"], "low"],
    ["off", ["low", "medium", "high"], "low"],
    ["medium", ["low", "high"], "high"],
    ["high", ["high"], "high"],
    ["low", [], undefined],
  ])("moves %s within %j to %s", (requested, allowed, expected) => {
    expect(nearestReasoningEffort(requested, allowed)).toBe(expected);
  });
});
