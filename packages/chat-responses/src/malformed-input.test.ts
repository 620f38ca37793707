import { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatRequestToResponses } from "./chat-request-to-responses";
import { chatResponseToResponses } from "./chat-response-to-responses";
import { responsesRequestToChat } from "./responses-request-to-chat";
import { responsesResponseToChat } from "./responses-response-to-chat";
import { createRequestGenerator, seededRandom } from "./test-support/random-responses-request";

const JUNK: unknown[] = [null, 42, "text", true, [], {}, [1, "x"], { type: "bogus" }, -1, ""];

/** Every path to a value inside `value` (objects and arrays), including the root's children. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...paths(child, path)];
  });
}

function withValueAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = replacement;
  return copy;
}

/** Runs a translation on a corrupted value: it either succeeds or throws a GatewayError, never anything else. */
function expectOnlyGatewayErrors(translate: () => unknown): void {
  try {
    translate();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).status).toBeGreaterThanOrEqual(400);
  }
}

describe("malformed input never produces an untyped error", () => {
  const random = seededRandom(7);
  const generate = createRequestGenerator(99);
  const corrupt = (value: unknown): unknown => {
    const all = paths(value);
    const path = all[Math.floor(random() * all.length)];
    return path === undefined ? value : withValueAt(value, path, JUNK[Math.floor(random() * JUNK.length)]);
  };

  it("holds for corrupted Responses and Chat requests", () => {
    for (let run = 0; run < 300; run++) {
      const request = generate();
      expectOnlyGatewayErrors(() => responsesRequestToChat(corrupt(request) as never));
      const chat = responsesRequestToChat(request).value;
      expectOnlyGatewayErrors(() => chatRequestToResponses(corrupt(chat) as never));
    }
  });

  it("holds for corrupted upstream bodies", () => {
    const completion = {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "m",
      choices: [
        {
          index: 0,
          finish_reason: "tool_calls",
          message: {
            role: "assistant",
            content: "x",
            reasoning_details: [{ type: "reasoning.encrypted", data: "d", format: "anthropic-claude-v1" }],
            tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }],
          },
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    const request = { model: "m", input: "x" };
    const ids = (prefix: string) => `${prefix}_1`;
    const response = chatResponseToResponses(completion as never, { request, ids }).value;
    for (let run = 0; run < 300; run++) {
      expectOnlyGatewayErrors(() => chatResponseToResponses(corrupt(completion) as never, { request, ids }));
      expectOnlyGatewayErrors(() => responsesResponseToChat(corrupt(response) as never));
    }
  });
});
