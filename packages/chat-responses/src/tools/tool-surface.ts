import type { ResponsesTool } from "@switchyard/core";

/** What a Chat function the upstream sees stands for on the Responses side. */
export type ToolOrigin =
  | { kind: "function"; name: string; namespace?: string }
  | { kind: "custom"; name: string; namespace?: string }
  | { kind: "local_shell" }
  | { kind: "shell" };

/**
 * The names a Responses request's tools take as Chat functions, both ways. Built from the request's `tools`
 * alone, so the request translation and the answer translations (whole or streamed) agree on every name
 * without sharing state.
 */
export interface ToolSurface {
  /** The Chat function name of a Responses tool, or undefined when the request has no such tool. */
  chatNameOf(origin: ToolOrigin): string | undefined;
  /** The Responses tool a Chat function name stands for, or undefined for a name the request never offered. */
  originOf(chatName: string): ToolOrigin | undefined;
}

/** Longest tool name Anthropic, Gemini and OpenAI-compatible servers all accept. */
export const MAX_TOOL_NAME_LENGTH = 64;
/** The separator between a namespace and a tool name in a flattened name: `multi_agent_v1__spawn_agent`. */
export const NAMESPACE_SEPARATOR = "__";

const keyOf = (origin: ToolOrigin): string =>
  origin.kind === "local_shell" || origin.kind === "shell"
    ? origin.kind
    : `${origin.kind}:${origin.namespace ?? ""}:${origin.name}`;

/** FNV-1a over UTF-16 code units, as 8 hex digits: a short, stable suffix for names that had to be cut. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The name a tool should take upstream: `namespace__name` for a namespaced tool, `local_shell` and `shell`
 * for the shell tools, else the tool's own name; characters outside `[a-zA-Z0-9_-]` become `_`, and a name
 * longer than 64 characters is cut and ends in a hash of the whole, so distinct long names stay distinct.
 */
export function preferredChatName(origin: ToolOrigin): string {
  const raw =
    origin.kind === "local_shell" || origin.kind === "shell"
      ? origin.kind
      : origin.namespace === undefined
        ? origin.name
        : `${origin.namespace}${NAMESPACE_SEPARATOR}${origin.name}`;
  const safe = raw.replace(/[^a-zA-Z0-9_-]/g, "_");
  if (safe.length <= MAX_TOOL_NAME_LENGTH) return safe;
  const suffix = `_${shortHash(raw)}`;
  return `${safe.slice(0, MAX_TOOL_NAME_LENGTH - suffix.length)}${suffix}`;
}

/** Every tool of a request as its origin, in request order (namespaces expanded in place). */
export function toolOriginsOf(tools: readonly ResponsesTool[]): ToolOrigin[] {
  const origins: ToolOrigin[] = [];
  for (const tool of tools) {
    if (tool.type === "function" || tool.type === "custom") {
      origins.push({ kind: tool.type, name: (tool as { name: string }).name });
    } else if (tool.type === "namespace") {
      const namespace = tool as { name: string; tools: { type: string; name: string }[] };
      for (const member of namespace.tools) {
        const kind = member.type === "custom" ? "custom" : "function";
        origins.push({ kind, name: member.name, namespace: namespace.name });
      }
    } else if (tool.type === "local_shell" || tool.type === "shell") {
      origins.push({ kind: tool.type });
    }
  }
  return origins;
}

/**
 * The tool surface of a request. Plain function and custom tools keep their names (they are the client's
 * own, and a client may already see them in history); flattened and shell names are chosen after them and
 * take a numeric suffix when one is taken (`shell` next to a function named `shell` becomes `shell_2`).
 */
export function createToolSurface(tools: readonly ResponsesTool[] | undefined): ToolSurface {
  const byKey = new Map<string, string>();
  const byName = new Map<string, ToolOrigin>();
  const origins = toolOriginsOf(tools ?? []);
  const plain = origins.filter(
    (origin) => (origin.kind === "function" || origin.kind === "custom") && origin.namespace === undefined,
  );
  const rest = origins.filter((origin) => !plain.includes(origin));
  for (const origin of [...plain, ...rest]) {
    const key = keyOf(origin);
    if (byKey.has(key)) continue;
    const preferred = plain.includes(origin) ? (origin as { name: string }).name : preferredChatName(origin);
    let name = preferred;
    for (let counter = 2; byName.has(name); counter++) {
      const suffix = `_${counter}`;
      name = `${preferred.slice(0, MAX_TOOL_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    byKey.set(key, name);
    byName.set(name, origin);
  }
  return {
    chatNameOf: (origin) => byKey.get(keyOf(origin)),
    originOf: (chatName) => byName.get(chatName),
  };
}
