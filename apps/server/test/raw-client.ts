import { createSseParser, type SseEvent } from "@switchyard/core";
import { CLIENT_KEY } from "./gateway-harness";

/** A raw answer of the gateway: status, headers and the JSON body or the SSE events. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
  events: SseEvent[];
}

/**
 * POSTs a JSON body with the harness's client key and reads the answer as it came over the wire. For what
 * the official SDK would hide: it computes `output_text` itself, and keeps only parsed chunks.
 */
export async function postRaw(url: string, path: string, body: unknown): Promise<RawAnswer> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${CLIENT_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const streamed = (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
  const parser = createSseParser();
  return {
    status: response.status,
    headers: response.headers,
    json: streamed ? {} : (JSON.parse(text) as Record<string, unknown>),
    events: streamed ? [...parser.push(text), ...parser.end()] : [],
  };
}
