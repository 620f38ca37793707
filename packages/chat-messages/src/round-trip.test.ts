import { AnthropicMessagesRequestSchema } from "@switchyard/anthropic-api";
import {
  type ChatCompletionResponse,
  createSequentialIdGenerator,
  parseOrThrow,
  REASONING_FORMATS,
  type ReasoningDetail,
  unwrapReasoningDetails,
  wrapReasoningDetails,
} from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatResponseToMessages } from "./chat-response-to-messages";
import { messagesRequestToChat } from "./messages-request-to-chat";

const answer = (message: ChatCompletionResponse["choices"][0]["message"]): ChatCompletionResponse => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1,
  model: "upstream-model",
  choices: [{ index: 0, message, logprobs: null, finish_reason: message.tool_calls ? "tool_calls" : "stop" }],
});

/** Sends an upstream answer to a Messages client and its next turn back, as Claude Code does. */
function nextTurn(upstreamAnswer: ChatCompletionResponse) {
  const { value: messagesAnswer } = chatResponseToMessages(upstreamAnswer, {
    ids: createSequentialIdGenerator(),
  });
  const toolUses = messagesAnswer.content.filter((block) => block.type === "tool_use");
  const request = parseOrThrow(
    AnthropicMessagesRequestSchema,
    JSON.parse(
      JSON.stringify({
        model: "claude-sonnet-4-6",
        max_tokens: 512,
        messages: [
          { role: "user", content: "Go." },
          { role: "assistant", content: messagesAnswer.content },
          {
            role: "user",
            content: toolUses.map((block) => ({ type: "tool_result", tool_use_id: block.id, content: "ok" })),
          },
        ],
      }),
    ),
  );
  return messagesRequestToChat(request).value.messages[1];
}

describe("reasoning state survives a round trip through a Messages client", () => {
  const weatherCall = {
    id: "call_1",
    type: "function" as const,
    function: { name: "get_weather", arguments: '{"city":"Oslo"}' },
  };

  it.each<[string, ChatCompletionResponse["choices"][0]["message"]]>([
    [
      "a Gemini thought signature on a tool call",
      {
        role: "assistant",
        content: null,
        tool_calls: [weatherCall],
        reasoning_details: [
          { type: "reasoning.encrypted", data: "CiQBsig==", id: "call_1", format: REASONING_FORMATS.google },
        ],
      },
    ],
    [
      "Gemini thoughts with a signature",
      {
        role: "assistant",
        content: null,
        reasoning_content: "Calling the weather tool.",
        tool_calls: [weatherCall],
        reasoning_details: [
          { type: "reasoning.encrypted", data: "Sig", id: "call_1", format: REASONING_FORMATS.google },
        ],
      },
    ],
    [
      "Claude's signed thinking",
      {
        role: "assistant",
        content: null,
        reasoning_content: "Plan.",
        tool_calls: [weatherCall],
        reasoning_details: [
          { type: "reasoning.text", text: "Plan.", signature: "EqQB", format: REASONING_FORMATS.anthropic },
        ],
      },
    ],
    [
      "OpenAI encrypted reasoning",
      {
        role: "assistant",
        content: "Answer.",
        reasoning_details: [
          { type: "reasoning.encrypted", data: "gAAAA", id: "rs_1", format: REASONING_FORMATS.openai },
        ],
      },
    ],
  ])("%s", (_name, message) => {
    const back = nextTurn(answer(message));
    expect(back).toMatchObject({ role: "assistant" });
    expect((back as { reasoning_details?: ReasoningDetail[] }).reasoning_details).toEqual(
      message.reasoning_details,
    );
    expect((back as { tool_calls?: unknown }).tool_calls).toEqual(message.tool_calls);
  });

  it("keeps DeepSeek's unsigned reasoning text as reasoning_content", () => {
    const back = nextTurn(
      answer({
        role: "assistant",
        content: null,
        reasoning_content: "Need the tool.",
        tool_calls: [weatherCall],
      }),
    );
    expect(back).toEqual({
      role: "assistant",
      content: null,
      reasoning_content: "Need the tool.",
      tool_calls: [weatherCall],
    });
  });
});

describe("reasoning envelope", () => {
  it("round-trips details with unicode", () => {
    const details: ReasoningDetail[] = [
      { type: "reasoning.text", text: "ünïcode 🌍", format: "google-gemini-v1" },
    ];
    expect(unwrapReasoningDetails(wrapReasoningDetails(details))).toEqual(details);
  });

  it.each(["EqQBCkYIARgCKkA=", "swy1.not-base64!", `swy1.${btoa('{"a":1}')}`, ""])(
    "does not unwrap %j",
    (value) => {
      expect(unwrapReasoningDetails(value)).toBeUndefined();
    },
  );
});
