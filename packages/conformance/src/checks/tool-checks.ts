import type { ChatCompletionRequest, ChatFunctionTool } from "@switchyard/core";
import {
  answerStream,
  answerWhole,
  assembleChunks,
  type CheckContext,
  type ConformanceCheck,
  collect,
  userRequest,
} from "../check";
import { ensure, ensureEqual } from "../check-failure";
import type { Scenario, ScenarioToolCall } from "../conformance-subject";

const tools: ChatFunctionTool[] = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "The weather in a city.",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    },
  },
  {
    type: "function",
    function: {
      name: "get_time",
      description: "The time in a time zone.",
      parameters: { type: "object", properties: { zone: { type: "string" } }, required: ["zone"] },
    },
  },
];

const weatherCall: ScenarioToolCall = {
  id: "call_weather_1",
  name: "get_weather",
  arguments: '{"city":"Zürich"}',
};
const timeCall: ScenarioToolCall = {
  id: "call_time_2",
  name: "get_time",
  arguments: '{"zone":"Europe/Zurich"}',
};

const oneCall: Scenario = {
  toolCalls: [weatherCall],
  usage: { inputTokens: 40, outputTokens: 12 },
  finish: "tool_calls",
};
const twoCalls: Scenario = {
  toolCalls: [weatherCall, timeCall],
  usage: { inputTokens: 40, outputTokens: 24 },
  finish: "tool_calls",
};

function toolRequest(context: CheckContext, extra: Partial<ChatCompletionRequest> = {}) {
  return userRequest(context, "Weather and time in Zürich?", { tools, ...extra });
}

function ensureCalls(
  actual: { id?: string | null; name: string; arguments: string }[],
  expected: ScenarioToolCall[],
) {
  ensureEqual(
    actual.map((call) => call.name),
    expected.map((call) => call.name),
    "tool call names",
  );
  actual.forEach((call, index) => {
    ensureEqual(
      JSON.parse(call.arguments),
      JSON.parse(expected[index]?.arguments ?? "null"),
      `tool_calls[${index}].arguments`,
    );
    ensure(typeof call.id === "string" && call.id !== "", `tool_calls[${index}] has an id`);
  });
  ensureEqual(new Set(actual.map((call) => call.id)).size, actual.length, "distinct tool call ids");
}

function ensureToolsSent(context: CheckContext) {
  const body = context.fake.requests[0]?.body ?? "";
  for (const tool of tools)
    ensure(body.includes(tool.function.name), `the upstream request carries tool ${tool.function.name}`);
}

/** Tool definitions sent, tool calls returned whole and streamed, parallel calls, and tool results sent back. */
export const toolChecks: ConformanceCheck[] = [
  {
    id: "tools.whole",
    title: "tools are sent and a tool call comes back whole",
    requires: "tools",
    async run(context) {
      answerWhole(context, oneCall);
      const { response } = await context.provider.chat(toolRequest(context), { apiKey: context.apiKey });
      ensureToolsSent(context);
      const choice = response.choices[0];
      ensureEqual(choice?.finish_reason, "tool_calls", "finish_reason");
      const calls = (choice?.message.tool_calls ?? []).map((call) => ({ id: call.id, ...call.function }));
      ensureCalls(calls, [weatherCall]);
    },
  },
  {
    id: "tools.stream",
    title: "a tool call streamed in pieces of 5 bytes reassembles",
    requires: "tools",
    async run(context) {
      answerStream(context, oneCall, 5);
      const { chunks } = await context.provider.streamChat(toolRequest(context, { stream: true }), {
        apiKey: context.apiKey,
      });
      const assembled = assembleChunks(await collect(chunks));
      ensureEqual(assembled.finishReason, "tool_calls", "finish_reason");
      ensureCalls(assembled.toolCalls, [weatherCall]);
    },
  },
  {
    id: "tools.parallel.whole",
    title: "two parallel tool calls come back whole, in order",
    requires: "parallel_tool_calls",
    async run(context) {
      answerWhole(context, twoCalls);
      const { response } = await context.provider.chat(toolRequest(context), { apiKey: context.apiKey });
      const calls = (response.choices[0]?.message.tool_calls ?? []).map((call) => ({
        id: call.id,
        ...call.function,
      }));
      ensureCalls(calls, [weatherCall, timeCall]);
    },
  },
  {
    id: "tools.parallel.stream",
    title: "two parallel tool calls streamed byte by byte reassemble, in order",
    requires: "parallel_tool_calls",
    async run(context) {
      answerStream(context, twoCalls, 1);
      const { chunks } = await context.provider.streamChat(toolRequest(context, { stream: true }), {
        apiKey: context.apiKey,
      });
      ensureCalls(assembleChunks(await collect(chunks)).toolCalls, [weatherCall, timeCall]);
    },
  },
  {
    id: "tools.result",
    title: "a tool result goes back upstream with the call it answers",
    requires: "tools",
    async run(context) {
      answerWhole(context, oneCall);
      const first = await context.provider.chat(toolRequest(context), { apiKey: context.apiKey });
      const assistant = first.response.choices[0]?.message;
      const call = assistant?.tool_calls?.[0];
      ensure(assistant !== undefined && call !== undefined, "the first turn returned a tool call");
      answerWhole(context, {
        text: "It is 18 °C.",
        usage: { inputTokens: 60, outputTokens: 6 },
        finish: "stop",
      });
      const request = toolRequest(context);
      request.messages.push(
        {
          role: "assistant",
          content: assistant.content ?? null,
          tool_calls: assistant.tool_calls ?? undefined,
        },
        { role: "tool", tool_call_id: call.id, content: "18 °C, sunny, tool-result-marker-7f3a" },
      );
      const second = await context.provider.chat(request, { apiKey: context.apiKey });
      const body = context.fake.requests[1]?.body ?? "";
      ensure(body.includes("tool-result-marker-7f3a"), "the upstream request carries the tool result");
      ensureEqual(
        second.response.choices[0]?.message.content,
        "It is 18 °C.",
        "the answer after the tool result",
      );
    },
  },
];
