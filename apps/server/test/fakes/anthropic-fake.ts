import { decideReply, type FakeReply, halves, STRUCTURED_ANSWER } from "./fake-reply";
import type { FakeHandler } from "./fake-upstream";
import { sseFrame, writeJson, writeSse } from "./fake-upstream";

interface AnthropicBody {
  model: string;
  messages: { role: string; content: string | { type: string; content?: unknown; text?: string }[] }[];
  tools?: { name: string }[];
  tool_choice?: { type: string; name?: string };
  output_config?: { format?: unknown };
  thinking?: { type: string };
  stream?: boolean;
}

const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((block: { text?: string }) => block.text ?? "").join("")
      : JSON.stringify(content);

/** The reply, and the name of a tool forced to stand in for structured output (then answered as JSON). */
function replyTo(body: AnthropicBody): FakeReply {
  const last = body.messages.at(-1);
  const toolResult =
    last?.role === "user" && Array.isArray(last.content)
      ? last.content.find((block) => block.type === "tool_result")
      : undefined;
  const forced = body.tool_choice?.type === "tool" ? body.tool_choice.name : undefined;
  if (forced !== undefined && toolResult === undefined)
    return {
      toolCall: { name: forced, arguments: STRUCTURED_ANSWER },
      usage: { input: 12, output: 7, reasoning: 0 },
    };
  return decideReply({
    protocol: "anthropic",
    toolNames: (body.tools ?? []).map((tool) => tool.name),
    ...(toolResult === undefined ? {} : { toolResult: textOf(toolResult.content) }),
    structured: body.output_config?.format !== undefined,
    reasoning: body.thinking !== undefined && body.thinking.type !== "disabled",
  });
}

function contentBlocks(reply: FakeReply) {
  const blocks: Record<string, unknown>[] = [];
  if (reply.reasoning) blocks.push({ type: "thinking", thinking: reply.reasoning, signature: "sig-fake" });
  if (reply.text !== undefined) blocks.push({ type: "text", text: reply.text });
  if (reply.toolCall)
    blocks.push({
      type: "tool_use",
      id: "toolu_fake_1",
      name: reply.toolCall.name,
      input: reply.toolCall.arguments,
    });
  return blocks;
}

/** What the fake's `count_tokens` answers, whatever it is asked: distinct from any estimate. */
export const ANTHROPIC_FAKE_TOKEN_COUNT = 4_321;

/** An Anthropic Messages upstream (`POST /v1/messages`, streamed and not, and `/v1/messages/count_tokens`). */
export const anthropicResponder: FakeHandler = (request, response) => {
  if (request.url.endsWith("/count_tokens")) {
    writeJson(response, 200, { input_tokens: ANTHROPIC_FAKE_TOKEN_COUNT });
    return;
  }
  const body = request.body as AnthropicBody;
  const reply = replyTo(body);
  const stopReason = reply.toolCall ? "tool_use" : "end_turn";
  const message = { id: "msg_fake_1", type: "message", role: "assistant", model: body.model };
  if (body.stream !== true) {
    writeJson(response, 200, {
      ...message,
      content: contentBlocks(reply),
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { input_tokens: reply.usage.input, output_tokens: reply.usage.output },
    });
    return;
  }
  const event = (data: Record<string, unknown>) => sseFrame(data, data["type"] as string);
  const frames = [
    event({
      type: "message_start",
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: reply.usage.input, output_tokens: 1 },
      },
    }),
  ];
  contentBlocks(reply).forEach((block, index) => {
    if (block["type"] === "thinking") {
      frames.push(
        event({
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        }),
        ...halves(reply.reasoning!).map((thinking) =>
          event({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking } }),
        ),
        event({
          type: "content_block_delta",
          index,
          delta: { type: "signature_delta", signature: "sig-fake" },
        }),
      );
    } else if (block["type"] === "text") {
      frames.push(
        event({ type: "content_block_start", index, content_block: { type: "text", text: "" } }),
        ...halves(reply.text!).map((text) =>
          event({ type: "content_block_delta", index, delta: { type: "text_delta", text } }),
        ),
      );
    } else {
      frames.push(
        event({ type: "content_block_start", index, content_block: { ...block, input: {} } }),
        ...halves(JSON.stringify(reply.toolCall!.arguments)).map((partial_json) =>
          event({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json } }),
        ),
      );
    }
    frames.push(event({ type: "content_block_stop", index }));
  });
  frames.push(
    event({
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: reply.usage.output },
    }),
    event({ type: "message_stop" }),
  );
  writeSse(response, frames);
};

/** The `message_start` frame that opens a scripted Anthropic stream from `model`. */
export const anthropicMessageStartFrame = (model: string): string =>
  sseFrame(
    {
      type: "message_start",
      message: {
        id: "msg_1",
        type: "message",
        role: "assistant",
        model,
        content: [],
        stop_reason: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    },
    "message_start",
  );

/** The opening frames of a scripted Anthropic text stream: `message_start`, then a text block saying "Hel". */
export const anthropicTextOpeningFrames = (model: string): string[] => [
  anthropicMessageStartFrame(model),
  sseFrame(
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    "content_block_start",
  ),
  sseFrame(
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hel" } },
    "content_block_delta",
  ),
];
