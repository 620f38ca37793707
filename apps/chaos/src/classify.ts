import type { Reply } from "./send";

/** The three client protocols the gateway speaks. */
export type Endpoint = "/v1/chat/completions" | "/v1/responses" | "/v1/messages";

/** A 4xx/5xx body in the endpoint's own error shape, with the field it names, if any. */
export interface ErrorAnswer {
  /** OpenAI's `{"error":{message,type,param,code}}` or Anthropic's `{"type":"error","error":{type,message}}`. */
  shaped: boolean;
  /** `param`, or on Anthropic's shape (no `param`) the `path: ` the message starts with. */
  fieldPath: string | null;
}

const FIELD_PREFIX = /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*(?:…)?): /;

/** Reads an error answer's shape and field path. */
export function errorAnswerOf(endpoint: Endpoint, text: string): ErrorAnswer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { shaped: false, fieldPath: null };
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (error === undefined || typeof error !== "object" || error === null)
    return { shaped: false, fieldPath: null };
  const message = typeof error["message"] === "string" ? error["message"] : undefined;
  if (endpoint === "/v1/messages") {
    const shaped =
      (body as { type?: unknown }).type === "error" &&
      typeof error["type"] === "string" &&
      message !== undefined;
    return { shaped, fieldPath: message === undefined ? null : (FIELD_PREFIX.exec(message)?.[1] ?? null) };
  }
  const shaped =
    message !== undefined && typeof error["type"] === "string" && "param" in error && "code" in error;
  return { shaped, fieldPath: typeof error["param"] === "string" ? error["param"] : null };
}

/** How a streamed answer ended. */
export type StreamEnding = "intact" | "terminal error" | "broken";

const eventNames = (text: string): string[] =>
  [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]!);

/**
 * Whether a stream ended as its protocol says a stream ends: Chat with `data: [DONE]` (or, failing, an error
 * chunk as its last frame); Responses with `response.completed`/`.incomplete` (or `error` then
 * `response.failed`); Messages with `message_stop` (or an `error` event).
 */
export function streamEndingOf(endpoint: Endpoint, text: string): StreamEnding {
  if (endpoint === "/v1/chat/completions") {
    const frames = text.split("\n\n").filter((frame) => frame.trim() !== "");
    const last = frames.at(-1);
    if (last === "data: [DONE]") return "intact";
    if (last !== undefined && /^data: \{"error":\{/.test(last)) return "terminal error";
    return "broken";
  }
  if (!text.endsWith("\n\n")) return "broken";
  const events = eventNames(text);
  const last = events.at(-1);
  if (endpoint === "/v1/responses") {
    if (last === "response.completed" || last === "response.incomplete") return "intact";
    if (last === "response.failed" && events.at(-2) === "error") return "terminal error";
    return "broken";
  }
  if (last === "message_stop") return "intact";
  if (last === "error") return "terminal error";
  return "broken";
}

/** What a request with a fault injected at its first candidate came to. */
export type FaultOutcome = "failed over" | "served" | "failed cleanly" | "unclean";

/** Classifies the answer to a request whose first candidate (`faulty`) had a fault injected. */
export function faultOutcomeOf(
  endpoint: Endpoint,
  stream: boolean,
  reply: Reply,
  providers: { faulty: string; healthy: string },
): FaultOutcome {
  if (reply.failure !== undefined) return "unclean";
  if (reply.status === 200) {
    const ending: StreamEnding | "whole" = stream ? streamEndingOf(endpoint, reply.text) : "whole";
    if (ending === "broken") return "unclean";
    if (ending === "terminal error") return "failed cleanly";
    const provider = reply.headers["x-switchyard-provider"];
    if (!stream && !isJsonObject(reply.text)) return "unclean";
    if (provider === providers.healthy) return "failed over";
    return provider === providers.faulty ? "served" : "unclean";
  }
  if (reply.status >= 400 && errorAnswerOf(endpoint, reply.text).shaped) return "failed cleanly";
  return "unclean";
}

const isJsonObject = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object";
  } catch {
    return false;
  }
};

/** The secrets found in an answer's headers or body. */
export function leaksIn(reply: Reply, secrets: readonly string[]): string[] {
  const headers = Object.entries(reply.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  return secrets.filter((secret) => reply.text.includes(secret) || headers.includes(secret));
}
