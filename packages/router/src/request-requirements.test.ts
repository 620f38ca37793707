import type { ChatCompletionRequest } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { affinityKeyOf } from "./affinity-key";
import { MEDIA_PART_TOKENS, requirementsOfChatRequest } from "./request-requirements";

const user = (content: ChatCompletionRequest["messages"][number]["content"]) =>
  ({ role: "user", content }) as ChatCompletionRequest["messages"][number];
const request = (fields: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: "gpt-4o",
  messages: [user("hello")],
  ...fields,
});
const tool = { type: "function" as const, function: { name: "lookup", parameters: { type: "object" } } };

describe("requirementsOfChatRequest", () => {
  const cases = [
    { name: "a plain request needs nothing", request: request(), expected: {} },
    { name: "tools", request: request({ tools: [tool] }), expected: { tools: true } },
    { name: "legacy functions", request: request({ functions: [{ name: "f" }] }), expected: { tools: true } },
    {
      name: "explicit parallel tool calls",
      request: request({ tools: [tool], parallel_tool_calls: true }),
      expected: { tools: true, parallelTools: true },
    },
    {
      name: "parallel_tool_calls without tools",
      request: request({ parallel_tool_calls: true }),
      expected: {},
    },
    {
      name: "an image part",
      request: request({ messages: [user([{ type: "image_url", image_url: { url: "https://x/y.png" } }])] }),
      expected: { vision: true },
    },
    {
      name: "a JSON schema response format",
      request: request({ response_format: { type: "json_schema", json_schema: { name: "s", schema: {} } } }),
      expected: { jsonSchema: true },
    },
    {
      name: "JSON mode is not a schema",
      request: request({ response_format: { type: "json_object" } }),
      expected: {},
    },
    { name: "logprobs", request: request({ logprobs: true }), expected: { logprobs: true } },
    { name: "streaming", request: request({ stream: true }), expected: { streaming: true } },
    {
      name: "max_completion_tokens",
      request: request({ max_completion_tokens: 300 }),
      expected: { maxOutputTokens: 300 },
    },
    { name: "max_tokens", request: request({ max_tokens: 200 }), expected: { maxOutputTokens: 200 } },
  ];
  it.each(cases)("$name", ({ request, expected }) => {
    const { estimatedInputTokens: _estimate, ...flags } = requirementsOfChatRequest(request);
    expect(flags).toEqual({
      tools: false,
      parallelTools: false,
      vision: false,
      jsonSchema: false,
      logprobs: false,
      streaming: false,
      ...expected,
    });
  });

  it("estimates input tokens from text size, media parts and tools", () => {
    const text = "x".repeat(4_000);
    const plain = requirementsOfChatRequest(request({ messages: [user(text)] })).estimatedInputTokens;
    // 4,000 characters / 4 + 4 tokens of message overhead
    expect(plain).toBe(1_004);
    const withImage = requirementsOfChatRequest(
      request({
        messages: [
          user([
            { type: "text", text },
            { type: "image_url", image_url: { url: `data:image/png;base64,${"A".repeat(1_000_000)}` } },
          ]),
        ],
      }),
    ).estimatedInputTokens;
    // the base64 payload does not count by size: one media part is MEDIA_PART_TOKENS
    expect(withImage).toBe(1_004 + MEDIA_PART_TOKENS);
    const withTools = requirementsOfChatRequest(
      request({ messages: [user(text)], tools: [tool] }),
    ).estimatedInputTokens;
    expect(withTools).toBe(1_004 + Math.ceil(JSON.stringify([tool]).length / 4));
  });
});

describe("affinityKeyOf", () => {
  it("uses prompt_cache_key first", () => {
    expect(affinityKeyOf(request({ prompt_cache_key: "tenant-7", user: "u1" }))).toBe(
      "prompt_cache_key:tenant-7",
    );
  });

  it("has no key without prompt_cache_key or user", () => {
    expect(affinityKeyOf(request())).toBeUndefined();
  });

  it("keys user + conversation prefix, stable as the conversation grows", () => {
    const system = { role: "system" as const, content: "You are terse." };
    const first = request({ user: "u1", messages: [system, user("Plan a trip")] });
    const later = request({
      user: "u1",
      messages: [system, user("Plan a trip"), { role: "assistant", content: "Where to?" }, user("Lisbon")],
    });
    const otherConversation = request({ user: "u1", messages: [system, user("Write a poem")] });
    const otherUser = request({ user: "u2", messages: [system, user("Plan a trip")] });
    expect(affinityKeyOf(first)).toMatch(/^user:u1:[0-9a-f]{16}$/);
    expect(affinityKeyOf(later)).toBe(affinityKeyOf(first));
    expect(affinityKeyOf(otherConversation)).not.toBe(affinityKeyOf(first));
    expect(affinityKeyOf(otherUser)).not.toBe(affinityKeyOf(first));
  });
});
