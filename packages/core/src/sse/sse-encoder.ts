/** The frame that ends an OpenAI Chat Completions stream. */
export const SSE_DONE_FRAME = "data: [DONE]\n\n";

/** Encodes one whole SSE frame with LF line endings; multi-line data becomes several `data:` lines. */
export function encodeSseFrame(data: string, event?: string): string {
  const head = event === undefined ? "" : `event: ${event}\n`;
  if (!data.includes("\n") && !data.includes("\r")) return `${head}data: ${data}\n\n`;
  return `${head}${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join("\n")}\n\n`;
}

/** Encodes a JSON value as one SSE frame (JSON text never holds a raw newline). */
export function encodeJsonSseFrame(value: unknown, event?: string): string {
  const data = JSON.stringify(value);
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
