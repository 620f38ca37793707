import { createSseParser } from "@switchyard/core";

/** One parsed SSE frame: its `event:` name and its JSON data (or the raw text when it is not JSON). */
export interface ParsedFrame {
  event: string | undefined;
  data: unknown;
}

/** Parses SSE text into frames, decoding each `data:` payload as JSON where it is JSON. */
export function parseSseFrames(text: string | Uint8Array): ParsedFrame[] {
  const parser = createSseParser();
  const events = [...parser.push(text), ...parser.end()];
  return events.map((event) => {
    let data: unknown = event.data;
    try {
      data = JSON.parse(event.data);
    } catch {
      // `[DONE]` and other plain text stay as text.
    }
    return { event: event.event, data };
  });
}

/** Runs a whole SSE transcoder over bytes fed in pieces of `size` bytes (the whole input when omitted). */
export function feed(
  transcoder: { push(bytes: Uint8Array): string; end(): string },
  bytes: Uint8Array,
  size?: number,
): string {
  if (size === undefined) return transcoder.push(bytes) + transcoder.end();
  let out = "";
  for (let offset = 0; offset < bytes.length; offset += size)
    out += transcoder.push(bytes.subarray(offset, offset + size));
  return out + transcoder.end();
}
