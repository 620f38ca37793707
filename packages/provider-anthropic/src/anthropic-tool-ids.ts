// Anthropic accepts tool names matching `^[a-zA-Z0-9_-]{1,128}$` and tool_use ids matching
// `^[a-zA-Z0-9_-]+$` (400 "String should match pattern" otherwise). Ids minted by other providers
// (`functions.get_weather:0`, `call|abc`) and MCP-style names (`server/tool`, `a.b`) break these rules, so
// they are rewritten deterministically: the same input always gives the same output, within and across
// requests, and the rewrite is mapped back on the way out.

const INVALID = /[^a-zA-Z0-9_-]/g;
const MAX_NAME_LENGTH = 128;
const MAX_ID_LENGTH = 64;

/** FNV-1a 32-bit hash as 8 hex digits: deterministic and portable (no crypto, no Node modules). */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

const isValid = (value: string, maxLength: number): boolean =>
  value.length > 0 && value.length <= maxLength && !/[^a-zA-Z0-9_-]/.test(value);

/** Rewrites a value into the allowed alphabet and length, with a hash of the original to keep it unique. */
function rewrite(value: string, maxLength: number): string {
  const suffix = `_${shortHash(value)}`;
  const base = value.replace(INVALID, "_").slice(0, maxLength - suffix.length);
  return `${base}${suffix}`;
}

/** The Anthropic form of a Chat tool call id: unchanged when valid, else sanitized plus a hash suffix. */
export function toAnthropicToolUseId(id: string): string {
  return isValid(id, MAX_ID_LENGTH) ? id : rewrite(id, MAX_ID_LENGTH);
}

/** Tool names of one request, both ways: Chat name to Anthropic name and back. */
export interface ToolNameMap {
  /** The Anthropic name of a Chat tool name (registering it when new). */
  toAnthropic(name: string): string;
  /** The Chat name of an Anthropic tool name; unknown names come back unchanged. */
  toChat(name: string): string;
  /** Anthropic name to Chat name, for the names that were rewritten. */
  readonly rewritten: ReadonlyMap<string, string>;
}

/** Creates the name map of one request; valid names are kept, others get a deterministic rewrite. */
export function createToolNameMap(): ToolNameMap {
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  const rewritten = new Map<string, string>();
  return {
    toAnthropic(name) {
      const known = forward.get(name);
      if (known !== undefined) return known;
      const target = isValid(name, MAX_NAME_LENGTH) ? name : rewrite(name, MAX_NAME_LENGTH);
      forward.set(name, target);
      backward.set(target, name);
      if (target !== name) rewritten.set(target, name);
      return target;
    },
    toChat: (name) => backward.get(name) ?? name,
    rewritten,
  };
}

/** A reverse map from a plain record (as carried between request and response translation). */
export function toolNamesFromRecord(
  record: Readonly<Record<string, string>> | undefined,
): (name: string) => string {
  return (name) => record?.[name] ?? name;
}
