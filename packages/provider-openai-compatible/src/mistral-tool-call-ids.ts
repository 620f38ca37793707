import type { ToolCallIdRule } from "./openai-compatible-preset";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const NINE_ALPHANUMERIC = /^[A-Za-z0-9]{9}$/;
const ID_SPACE = 62n ** 9n;

/** 32-bit FNV-1a over the UTF-8 bytes of `text`, starting from a seeded offset basis. */
function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Turns any tool call id into nine letters and digits, the only shape Mistral accepts. Ids that already
 * fit are kept; others are hashed (64 bits of FNV-1a, in base 62), so the same id gives the same result in
 * every turn of a conversation.
 */
export function toNineAlphanumericId(id: string): string {
  if (NINE_ALPHANUMERIC.test(id)) return id;
  let value = ((BigInt(fnv1a(id, 0)) << 32n) | BigInt(fnv1a(id, 0x9e3779b9))) % ID_SPACE;
  let result = "";
  for (let position = 0; position < 9; position++) {
    result = ALPHABET[Number(value % 62n)] + result;
    value /= 62n;
  }
  return result;
}

/** The tool call ids of one request: rewritten on the way up, restored on the way down. */
export interface ToolCallIdMap {
  /** The id to send upstream for a client's id. */
  toUpstream(id: string): string;
  /** The client's id for an id the upstream sent (unchanged when it was not rewritten). */
  restore(id: string): string;
}

/** Creates the id map of one request for a server's id rule. */
export function createToolCallIdMap(rule: ToolCallIdRule): ToolCallIdMap {
  const upstreamByClient = new Map<string, string>();
  const clientByUpstream = new Map<string, string>();
  return {
    toUpstream(id) {
      if (rule === "any") return id;
      const known = upstreamByClient.get(id);
      if (known !== undefined) return known;
      // Two ids hashing alike in one conversation is unlikely; a salted rehash keeps them apart, and since
      // ids are met in conversation order the result stays stable as the conversation grows.
      let upstream = toNineAlphanumericId(id);
      for (let salt = 1; clientByUpstream.has(upstream); salt++) {
        upstream = toNineAlphanumericId(`${id}#${salt}`);
      }
      upstreamByClient.set(id, upstream);
      clientByUpstream.set(upstream, id);
      return upstream;
    },
    restore(id) {
      return clientByUpstream.get(id) ?? id;
    },
  };
}
