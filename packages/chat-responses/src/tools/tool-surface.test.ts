import type { ResponsesTool } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createToolSurface, MAX_TOOL_NAME_LENGTH, preferredChatName, type ToolOrigin } from "./tool-surface";

const VALID_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

describe("tool surface", () => {
  it.each<[ToolOrigin, string]>([
    [{ kind: "function", name: "exec_command" }, "exec_command"],
    [{ kind: "function", name: "spawn_agent", namespace: "multi_agent_v1" }, "multi_agent_v1__spawn_agent"],
    [{ kind: "custom", name: "apply_patch", namespace: "files" }, "files__apply_patch"],
    [{ kind: "function", name: "get", namespace: "mcp.github" }, "mcp_github__get"],
    [{ kind: "local_shell" }, "local_shell"],
    [{ kind: "shell" }, "shell"],
  ])("names %j %s", (origin, name) => expect(preferredChatName(origin)).toBe(name));

  it("cuts a long flattened name to 64 characters, keeping distinct names distinct", () => {
    const long = "x".repeat(60);
    const first = preferredChatName({ kind: "function", name: `${long}_a`, namespace: "ns" });
    const second = preferredChatName({ kind: "function", name: `${long}_b`, namespace: "ns" });
    expect(first).toMatch(VALID_NAME);
    expect(first).toHaveLength(MAX_TOOL_NAME_LENGTH);
    expect(first).not.toBe(second);
  });

  it("maps every name both ways, with plain names first and collisions numbered", () => {
    const tools: ResponsesTool[] = [
      { type: "namespace", name: "a", tools: [{ type: "function", name: "b" }] },
      { type: "function", name: "a__b" },
      { type: "namespace", name: "a.", tools: [{ type: "custom", name: "b" }] },
      { type: "local_shell" },
      { type: "web_search" },
    ];
    const surface = createToolSurface(tools);
    expect(surface.chatNameOf({ kind: "function", name: "a__b" })).toBe("a__b");
    expect(surface.chatNameOf({ kind: "function", name: "b", namespace: "a" })).toBe("a__b_2");
    expect(surface.chatNameOf({ kind: "custom", name: "b", namespace: "a." })).toBe("a___b");
    expect(surface.originOf("a__b_2")).toEqual({ kind: "function", name: "b", namespace: "a" });
    expect(surface.originOf("a___b")).toEqual({ kind: "custom", name: "b", namespace: "a." });
    expect(surface.originOf("local_shell")).toEqual({ kind: "local_shell" });
    expect(surface.originOf("web_search")).toBeUndefined();
    expect(surface.chatNameOf({ kind: "shell" })).toBeUndefined();
  });
});
