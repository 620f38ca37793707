import { isJsonObject } from "./json-value";

/** Text and reasoning read from a message's or delta's content, plus the part types that had no place. */
export interface SplitContent {
  text: string | null | undefined;
  reasoning: string | undefined;
  droppedPartTypes: string[];
}

const textOf = (parts: unknown): string =>
  Array.isArray(parts)
    ? parts
        .map((part) => (isJsonObject(part) && typeof part["text"] === "string" ? part["text"] : ""))
        .join("")
    : typeof parts === "string"
      ? parts
      : "";

/**
 * Splits content that a server sent as parts rather than a string. Mistral's reasoning models send
 * `[{type: "thinking", thinking: [{type: "text", text}]}, {type: "text", text}]`
 * (docs.mistral.ai/inference/conversations/reasoning): thinking becomes reasoning, text becomes content.
 */
export function splitMessageContent(content: unknown): SplitContent {
  if (!Array.isArray(content)) {
    return { text: content as string | null | undefined, reasoning: undefined, droppedPartTypes: [] };
  }
  let text: string | undefined;
  let reasoning: string | undefined;
  const droppedPartTypes: string[] = [];
  for (const part of content) {
    if (!isJsonObject(part)) continue;
    if (part["type"] === "text" && typeof part["text"] === "string") text = (text ?? "") + part["text"];
    else if (part["type"] === "thinking") reasoning = (reasoning ?? "") + textOf(part["thinking"]);
    else droppedPartTypes.push(String(part["type"]));
  }
  return { text, reasoning, droppedPartTypes };
}

/**
 * Reads reasoning text into `reasoning_content`, whichever field it arrived in (`reasoning_content` from
 * DeepSeek and xAI, `reasoning` from vLLM, Groq and Ollama), and removes `reasoning`. Content parts are
 * flattened. Returns the part types that could not be placed.
 */
export function normalizeReasoningAndContent(message: Record<string, unknown>): string[] {
  const split = splitMessageContent(message["content"]);
  if (Array.isArray(message["content"])) {
    if (split.text !== undefined) message["content"] = split.text;
    else delete message["content"];
  }
  const reasoning =
    typeof message["reasoning_content"] === "string"
      ? message["reasoning_content"]
      : typeof message["reasoning"] === "string"
        ? message["reasoning"]
        : split.reasoning;
  if (reasoning !== undefined) message["reasoning_content"] = reasoning;
  delete message["reasoning"];
  return split.droppedPartTypes;
}

/** Tool call arguments as the JSON string OpenAI specifies; some servers (Ollama) send an object. */
export function argumentsAsString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}
