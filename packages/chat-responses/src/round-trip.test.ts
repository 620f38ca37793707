import type { ResponsesRequest } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatRequestToResponses } from "./chat-request-to-responses";
import { responsesRequestToChat } from "./responses-request-to-chat";
import { createRequestGenerator } from "./test-support/random-responses-request";

type Json = Record<string, unknown>;
const LOGPROBS_INCLUDE = "message.output_text.logprobs";

/** Bookkeeping a Chat request cannot carry: item ids and statuses of messages and calls. */
function normalizeItem(item: Json): Json {
  const { id, status, ...rest } = item;
  if (rest.type === "reasoning") {
    const reasoning: Json = { ...rest, id };
    if (Array.isArray(reasoning.content) && reasoning.content.length === 0) delete reasoning.content;
    if (reasoning.encrypted_content == null) delete reasoning.encrypted_content;
    return reasoning;
  }
  if (rest.type === "function_call" || rest.type === "function_call_output")
    return normalizeParts(rest, "output");
  const message: Json = { type: "message", ...rest };
  if (message.role === "assistant" && Array.isArray(message.content)) {
    const parts = message.content as Json[];
    if (parts.length === 1 && parts[0]?.type === "output_text") message.content = parts[0].text;
    else
      message.content = parts.map((part) => ({
        ...part,
        annotations: part.type === "output_text" ? [] : undefined,
      }));
  }
  return normalizeParts(message, "content");
}

/** An image without `detail` means `auto` in both protocols. */
function normalizeParts(item: Json, field: string): Json {
  const parts = item[field];
  if (!Array.isArray(parts)) return item;
  return {
    ...item,
    [field]: parts.map((part: Json) => (part.type === "input_image" ? { detail: "auto", ...part } : part)),
  };
}

/** The fields both protocols carry, in one canonical form. */
function carried(request: ResponsesRequest): Json {
  const { store, include, top_logprobs, reasoning, max_tool_calls, truncation, background, ...rest } =
    request;
  const normalized: Json = { ...rest };
  let items = (
    typeof request.input === "string" ? [{ role: "user", content: request.input }] : (request.input ?? [])
  ).map((item) => normalizeItem(item as Json));
  const first = items[0];
  if (
    normalized.instructions === undefined &&
    first !== undefined &&
    items.length > 1 &&
    (first.role === "system" || first.role === "developer") &&
    typeof first.content === "string"
  ) {
    normalized.instructions = first.content;
    items = items.slice(1);
  }
  normalized.input = items;
  if (store === true) normalized.store = true;
  if (reasoning?.effort != null) normalized.reasoning = { effort: reasoning.effort };
  if (top_logprobs != null) normalized.top_logprobs = top_logprobs;
  normalized.logprobs = (include ?? []).includes(LOGPROBS_INCLUDE) || (top_logprobs ?? 0) > 0;
  return JSON.parse(JSON.stringify(normalized));
}

describe("Responses request -> Chat -> Responses round trip", () => {
  const generate = createRequestGenerator(20260101);
  const requests = Array.from({ length: 400 }, generate);

  it("generates varied requests", () => {
    const itemTypes = new Set(
      requests.flatMap((request) =>
        Array.isArray(request.input) ? request.input.map((item) => item.type ?? "message") : [],
      ),
    );
    expect([...itemTypes].sort()).toEqual(["function_call", "function_call_output", "message", "reasoning"]);
  });

  it.each(requests.map((request, index) => [index, request] as const))(
    "request %i keeps every field both protocols carry",
    (_index, request) => {
      const chat = responsesRequestToChat(request).value;
      const back = chatRequestToResponses(chat).value;
      expect(carried(back)).toEqual(carried(request));
    },
  );
});
