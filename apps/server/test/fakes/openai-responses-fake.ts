import { decideReply, type FakeReply, halves } from "./fake-reply";
import type { FakeHandler } from "./fake-upstream";
import { sseFrame, writeJson, writeSse } from "./fake-upstream";

interface ResponsesBody {
  model: string;
  input?: string | { type?: string; role?: string; output?: unknown }[];
  tools?: { type: string; name?: string }[];
  text?: { format?: { type: string } };
  reasoning?: { effort?: string } | null;
  stream?: boolean;
  instructions?: string | null;
}

function replyTo(body: ResponsesBody): FakeReply {
  const last = Array.isArray(body.input) ? body.input.at(-1) : undefined;
  const output = last?.type === "function_call_output" ? last.output : undefined;
  return decideReply({
    protocol: "openai-responses",
    toolNames: (body.tools ?? []).filter((tool) => tool.type === "function").map((tool) => tool.name ?? ""),
    ...(output === undefined
      ? {}
      : { toolResult: typeof output === "string" ? output : JSON.stringify(output) }),
    structured: body.text?.format !== undefined && body.text.format.type !== "text",
    reasoning: body.reasoning?.effort !== undefined && body.reasoning.effort !== "none",
  });
}

/** The output items of a reply, complete. */
function outputItems(reply: FakeReply) {
  const items: Record<string, unknown>[] = [];
  if (reply.reasoning)
    items.push({
      id: "rs_fake_1",
      type: "reasoning",
      summary: [{ type: "summary_text", text: reply.reasoning }],
      encrypted_content: "opaque-state",
    });
  if (reply.text !== undefined)
    items.push({
      id: "msg_fake_1",
      type: "message",
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: reply.text, annotations: [], logprobs: [] }],
    });
  if (reply.toolCall)
    items.push({
      id: "fc_fake_1",
      type: "function_call",
      status: "completed",
      call_id: "call_fake_1",
      name: reply.toolCall.name,
      arguments: JSON.stringify(reply.toolCall.arguments),
    });
  return items;
}

function responseObject(body: ResponsesBody, reply: FakeReply | undefined, status: string) {
  const output = reply ? outputItems(reply) : [];
  return {
    id: "resp_fake_1",
    object: "response",
    created_at: 1_700_000_000,
    status,
    completed_at: status === "completed" ? 1_700_000_001 : null,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: body.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: body.reasoning?.effort ?? null, summary: null },
    store: false,
    temperature: 1,
    text: { format: body.text?.format ?? { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: body.tools ?? [],
    top_logprobs: 0,
    top_p: 1,
    truncation: "disabled",
    usage: reply
      ? {
          input_tokens: reply.usage.input,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: reply.usage.output,
          output_tokens_details: { reasoning_tokens: reply.usage.reasoning },
          total_tokens: reply.usage.input + reply.usage.output,
        }
      : null,
    user: null,
    metadata: {},
  };
}

/** The event sequence of one reply, as OpenAI streams it. */
function streamEvents(body: ResponsesBody, reply: FakeReply): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [
    { type: "response.created", response: responseObject(body, undefined, "in_progress") },
    { type: "response.in_progress", response: responseObject(body, undefined, "in_progress") },
  ];
  outputItems(reply).forEach((item, outputIndex) => {
    const id = item["id"] as string;
    if (item["type"] === "reasoning") {
      const text = reply.reasoning!;
      events.push(
        {
          type: "response.output_item.added",
          output_index: outputIndex,
          item: { id, type: "reasoning", summary: [] },
        },
        {
          type: "response.reasoning_summary_part.added",
          item_id: id,
          output_index: outputIndex,
          summary_index: 0,
          part: { type: "summary_text", text: "" },
        },
        ...halves(text).map((delta) => ({
          type: "response.reasoning_summary_text.delta",
          item_id: id,
          output_index: outputIndex,
          summary_index: 0,
          delta,
        })),
        {
          type: "response.reasoning_summary_text.done",
          item_id: id,
          output_index: outputIndex,
          summary_index: 0,
          text,
        },
        {
          type: "response.reasoning_summary_part.done",
          item_id: id,
          output_index: outputIndex,
          summary_index: 0,
          part: { type: "summary_text", text },
        },
      );
    } else if (item["type"] === "message") {
      const text = reply.text!;
      const at = { item_id: id, output_index: outputIndex, content_index: 0 };
      events.push(
        {
          type: "response.output_item.added",
          output_index: outputIndex,
          item: { ...item, status: "in_progress", content: [] },
        },
        {
          type: "response.content_part.added",
          ...at,
          part: { type: "output_text", text: "", annotations: [], logprobs: [] },
        },
        ...halves(text).map((delta) => ({ type: "response.output_text.delta", ...at, delta, logprobs: [] })),
        { type: "response.output_text.done", ...at, text, logprobs: [] },
        {
          type: "response.content_part.done",
          ...at,
          part: { type: "output_text", text, annotations: [], logprobs: [] },
        },
      );
    } else {
      const argumentsText = item["arguments"] as string;
      events.push(
        {
          type: "response.output_item.added",
          output_index: outputIndex,
          item: { ...item, status: "in_progress", arguments: "" },
        },
        ...halves(argumentsText).map((delta) => ({
          type: "response.function_call_arguments.delta",
          item_id: id,
          output_index: outputIndex,
          delta,
        })),
        {
          type: "response.function_call_arguments.done",
          item_id: id,
          output_index: outputIndex,
          arguments: argumentsText,
          name: item["name"],
        },
      );
    }
    events.push({ type: "response.output_item.done", output_index: outputIndex, item });
  });
  events.push({ type: "response.completed", response: responseObject(body, reply, "completed") });
  return events.map((event, index) => ({ ...event, sequence_number: index }));
}

/** An OpenAI Responses upstream (`POST .../responses`), streamed and not. */
export const openAIResponsesResponder: FakeHandler = (request, response) => {
  const body = request.body as ResponsesBody;
  const reply = replyTo(body);
  if (body.stream !== true) {
    writeJson(response, 200, responseObject(body, reply, "completed"));
    return;
  }
  writeSse(
    response,
    streamEvents(body, reply).map((event) => sseFrame(event, event["type"] as string)),
  );
};
