import type { FakeAnswer, Scenario, ScenarioError, UpstreamFake } from "@switchyard/conformance";
import type { TransportRequest } from "@switchyard/core";

// Anthropic's Messages wire, written from its docs: the Message object
// (https://docs.anthropic.com/en/api/messages), streaming events
// (https://docs.anthropic.com/en/docs/build-with-claude/streaming) and errors
// (https://docs.anthropic.com/en/api/errors).

const stopReasons = { stop: "end_turn", tool_calls: "tool_use", length: "max_tokens" } as const;

const errorTypes: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  404: "not_found_error",
  429: "rate_limit_error",
  500: "api_error",
  503: "overloaded_error",
};

function modelOf(request: TransportRequest): string {
  return (JSON.parse(request.body ?? "{}") as { model?: string }).model ?? "claude-unknown";
}

function contentOf(scenario: Scenario): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  if (scenario.reasoning) {
    blocks.push({
      type: "thinking",
      thinking: scenario.reasoning.text,
      signature: scenario.reasoning.opaque,
    });
  }
  if (scenario.text !== undefined) blocks.push({ type: "text", text: scenario.text });
  for (const call of scenario.toolCalls ?? []) {
    blocks.push({
      type: "tool_use",
      id: `toolu_${call.id}`,
      name: call.name,
      input: JSON.parse(call.arguments),
    });
  }
  return blocks;
}

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

function halves(text: string): string[] {
  const characters = [...text];
  const middle = Math.ceil(characters.length / 2);
  return [characters.slice(0, middle).join(""), characters.slice(middle).join("")].filter(
    (part) => part !== "",
  );
}

/** A fake of Anthropic's Messages API for the conformance kit. */
export const anthropicUpstreamFake: UpstreamFake = {
  whole(scenario, request): FakeAnswer {
    const body = {
      id: "msg_conformance",
      type: "message",
      role: "assistant",
      model: modelOf(request),
      content: contentOf(scenario),
      stop_reason: stopReasons[scenario.finish],
      stop_sequence: null,
      usage: { input_tokens: scenario.usage.inputTokens, output_tokens: scenario.usage.outputTokens },
    };
    return { status: 200, body: JSON.stringify(body) };
  },

  stream(scenario, request): FakeAnswer {
    const message = {
      id: "msg_conformance",
      type: "message",
      role: "assistant",
      model: modelOf(request),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: scenario.usage.inputTokens, output_tokens: 1 },
    };
    let body = event("message_start", { message });
    contentOf(scenario).forEach((block, index) => {
      if (block.type === "thinking") {
        body += event("content_block_start", {
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        });
        for (const part of halves(String(block.thinking))) {
          body += event("content_block_delta", { index, delta: { type: "thinking_delta", thinking: part } });
        }
        body += event("content_block_delta", {
          index,
          delta: { type: "signature_delta", signature: block.signature },
        });
      } else if (block.type === "text") {
        body += event("content_block_start", { index, content_block: { type: "text", text: "" } });
        for (const part of halves(String(block.text))) {
          body += event("content_block_delta", { index, delta: { type: "text_delta", text: part } });
        }
      } else {
        body += event("content_block_start", { index, content_block: { ...block, input: {} } });
        for (const part of halves(JSON.stringify(block.input))) {
          body += event("content_block_delta", {
            index,
            delta: { type: "input_json_delta", partial_json: part },
          });
        }
      }
      body += event("content_block_stop", { index });
    });
    body += event("message_delta", {
      delta: { stop_reason: stopReasons[scenario.finish], stop_sequence: null },
      usage: { output_tokens: scenario.usage.outputTokens },
    });
    body += event("message_stop", {});
    return { status: 200, headers: { "content-type": "text/event-stream" }, body };
  },

  error(error: ScenarioError): FakeAnswer {
    const headers: Record<string, string> = { "request-id": "req_conformance" };
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(error.retryAfterSeconds);
    const body = {
      type: "error",
      error: { type: errorTypes[error.status] ?? "api_error", message: error.message },
    };
    return { status: error.status, headers, body: JSON.stringify(body) };
  },
};
