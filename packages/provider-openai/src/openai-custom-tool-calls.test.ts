import { ChatCompletionRequestSchema } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";
import { chatSse, collect, useFakeOpenAI } from "./testing/openai-test-server";

const apiKey = "sk-test-0123456789abcdef";
const fake = useFakeOpenAI();

// OpenAI's Chat shape of a custom tool and its call (openai-node ChatCompletionCustomTool,
// ChatCompletionMessageCustomToolCall and the chunk's ToolCall.custom).
const request = ChatCompletionRequestSchema.parse({
  model: "gpt-5",
  messages: [
    { role: "user", content: "Create hello.txt" },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "call_0", type: "custom", custom: { name: "apply_patch", input: "*** Begin Patch\n" } },
      ],
    },
    { role: "tool", tool_call_id: "call_0", content: "Invalid patch." },
  ],
  tools: [
    {
      type: "custom",
      custom: {
        name: "apply_patch",
        format: { type: "grammar", grammar: { syntax: "lark", definition: "start: /.+/" } },
      },
    },
  ],
});
const customCall = {
  id: "call_1",
  type: "custom",
  custom: { name: "apply_patch", input: "*** End Patch\n" },
};

describe("custom tool calls on OpenAI Chat", () => {
  it("passes a completion with a custom tool call through", async () => {
    const completion = {
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1_770_000_000,
      model: "gpt-5-2025-08-07",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: null, refusal: null, tool_calls: [customCall] },
          logprobs: null,
          finish_reason: "tool_calls",
        },
      ],
      usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 },
    };
    fake.answer("/chat/completions", { json: completion });
    const result = await createOpenAIProvider().chat(request, { apiKey });
    expect(fake.requests[0]?.body).toMatchObject({ tools: request.tools, messages: request.messages });
    expect(result.response.choices[0]?.message.tool_calls).toEqual([customCall]);
  });

  it("streams custom tool call deltas through", async () => {
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
      id: "chatcmpl-2",
      object: "chat.completion.chunk",
      created: 1_770_000_000,
      model: "gpt-5-2025-08-07",
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    });
    const chunks = [
      chunk({ role: "assistant", content: null }),
      chunk({
        tool_calls: [{ index: 0, id: "call_1", type: "custom", custom: { name: "apply_patch", input: "" } }],
      }),
      chunk({ tool_calls: [{ index: 0, custom: { input: "*** End Patch\n" } }] }),
      chunk({}, "tool_calls"),
    ];
    fake.answer("/chat/completions", {
      bytes: chatSse(chunks),
      headers: { "content-type": "text/event-stream" },
    });
    const result = await createOpenAIProvider().streamChat({ ...request, stream: true }, { apiKey });
    expect(await collect(result.chunks)).toEqual(chunks);
    expect(result.warnings).toEqual([]);
  });
});
