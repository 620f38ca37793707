import type { TransportRequest } from "@switchyard/core";
import type { FakeAnswer, Scenario, ScenarioError, UpstreamFake } from "./conformance-subject";

// The Chat Completions wire, written from OpenAI's API reference (the chat object, the chunk object and the
// error object): https://platform.openai.com/docs/api-reference/chat

const created = 1_767_225_600;

function requestedModel(request: TransportRequest): string {
  const body = JSON.parse(request.body ?? "{}") as { model?: string };
  return body.model ?? "unknown-model";
}

function usageOf(scenario: Scenario) {
  const { inputTokens, outputTokens } = scenario.usage;
  return {
    prompt_tokens: inputTokens,
    completion_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
  };
}

function pieces(text: string, count: number): string[] {
  const characters = [...text];
  const size = Math.max(1, Math.ceil(characters.length / count));
  const result: string[] = [];
  for (let start = 0; start < characters.length; start += size)
    result.push(characters.slice(start, start + size).join(""));
  return result;
}

function frame(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

function errorType(status: number): { type: string; code: string | null } {
  if (status === 401) return { type: "invalid_request_error", code: "invalid_api_key" };
  if (status === 429) return { type: "requests", code: "rate_limit_exceeded" };
  if (status >= 500) return { type: "server_error", code: null };
  return { type: "invalid_request_error", code: null };
}

/** A fake of any Chat Completions upstream (OpenAI and every OpenAI-compatible server). */
export const openAIChatFake: UpstreamFake = {
  whole(scenario, request): FakeAnswer {
    const toolCalls = scenario.toolCalls?.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
    const message = {
      role: "assistant",
      content: scenario.text ?? null,
      refusal: null,
      ...(toolCalls === undefined ? {} : { tool_calls: toolCalls }),
    };
    const body = {
      id: "chatcmpl-conformance",
      object: "chat.completion",
      created,
      model: requestedModel(request),
      choices: [{ index: 0, message, finish_reason: scenario.finish, logprobs: null }],
      usage: usageOf(scenario),
    };
    return { status: 200, body: JSON.stringify(body) };
  },

  stream(scenario, request): FakeAnswer {
    const requestBody = JSON.parse(request.body ?? "{}") as { stream_options?: { include_usage?: boolean } };
    const base = {
      id: "chatcmpl-conformance",
      object: "chat.completion.chunk",
      created,
      model: requestedModel(request),
    };
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      frame({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] });
    let body = chunk({ role: "assistant", content: "" });
    for (const text of pieces(scenario.text ?? "", 3)) body += chunk({ content: text });
    scenario.toolCalls?.forEach((call, index) => {
      body += chunk({
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
      });
      for (const part of pieces(call.arguments, 2))
        body += chunk({ tool_calls: [{ index, function: { arguments: part } }] });
    });
    body += chunk({}, scenario.finish);
    if (requestBody.stream_options?.include_usage)
      body += frame({ ...base, choices: [], usage: usageOf(scenario) });
    body += "data: [DONE]\n\n";
    return { status: 200, headers: { "content-type": "text/event-stream" }, body };
  },

  error(error: ScenarioError): FakeAnswer {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    const body = { error: { message: error.message, param: null, ...errorType(error.status) } };
    return { status: error.status, headers, body: JSON.stringify(body) };
  },
};
