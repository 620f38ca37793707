import { decideReply, type FakeReply, halves } from "./fake-reply";
import type { FakeHandler } from "./fake-upstream";
import { sseFrame, writeJson, writeSse } from "./fake-upstream";

interface ChatBody {
  model: string;
  messages: { role: string; content?: unknown }[];
  tools?: { function: { name: string } }[];
  response_format?: { type: string };
  reasoning_effort?: string;
  thinking?: unknown;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part: { text?: string }) => part.text ?? "").join("")
      : JSON.stringify(content);

function replyTo(body: ChatBody, protocol: string): FakeReply {
  const last = body.messages.at(-1);
  return decideReply({
    protocol,
    toolNames: (body.tools ?? []).map((tool) => tool.function.name),
    ...(last?.role === "tool" ? { toolResult: textOf(last.content) } : {}),
    structured: body.response_format !== undefined && body.response_format.type !== "text",
    reasoning:
      (body.reasoning_effort !== undefined && body.reasoning_effort !== "none") ||
      body.thinking !== undefined,
  });
}

const usageOf = (reply: FakeReply) => ({
  prompt_tokens: reply.usage.input,
  completion_tokens: reply.usage.output,
  total_tokens: reply.usage.input + reply.usage.output,
  ...(reply.usage.reasoning > 0
    ? { completion_tokens_details: { reasoning_tokens: reply.usage.reasoning } }
    : {}),
});

/** An OpenAI Chat Completions upstream (`POST .../chat/completions`), streamed and not. */
export function openAIChatResponder(protocol = "openai-chat"): FakeHandler {
  return (request, response) => {
    const body = request.body as ChatBody;
    const reply = replyTo(body, protocol);
    const finishReason = reply.toolCall ? "tool_calls" : "stop";
    const toolCall = reply.toolCall && {
      id: "call_fake_1",
      type: "function",
      function: { name: reply.toolCall.name, arguments: JSON.stringify(reply.toolCall.arguments) },
    };
    const base = { id: "chatcmpl-fake", created: 1_700_000_000, model: body.model };
    if (body.stream !== true) {
      writeJson(response, 200, {
        ...base,
        object: "chat.completion",
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: reply.text ?? null,
              ...(reply.reasoning ? { reasoning_content: reply.reasoning } : {}),
              ...(toolCall ? { tool_calls: [toolCall] } : {}),
            },
            finish_reason: finishReason,
          },
        ],
        usage: usageOf(reply),
      });
      return;
    }
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      sseFrame({
        ...base,
        object: "chat.completion.chunk",
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    const frames = [chunk({ role: "assistant", content: "" })];
    if (reply.reasoning) frames.push(chunk({ reasoning_content: reply.reasoning }));
    for (const part of halves(reply.text ?? "")) frames.push(chunk({ content: part }));
    if (toolCall) {
      const [first, second] = halves(toolCall.function.arguments);
      frames.push(
        chunk({
          tool_calls: [
            {
              index: 0,
              id: toolCall.id,
              type: "function",
              function: { name: toolCall.function.name, arguments: first },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: second } }] }),
      );
    }
    frames.push(chunk({}, finishReason));
    if (body.stream_options?.include_usage)
      frames.push(sseFrame({ ...base, object: "chat.completion.chunk", choices: [], usage: usageOf(reply) }));
    frames.push("data: [DONE]\n\n");
    writeSse(response, frames);
  };
}
