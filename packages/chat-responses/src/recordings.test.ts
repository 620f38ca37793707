import {
  type ChatCompletionResponse,
  ChatCompletionResponseSchema,
  createSequentialIdGenerator,
  RESPONSE_OBJECT_FIELDS,
  type ResponseObject,
  ResponseObjectSchema,
} from "@switchyard/core";
import {
  hasRecordings,
  listRecordings,
  type Recording,
  recordingsMissingMessage,
} from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { chatResponseToResponses } from "./chat-response-to-responses";
import { responsesResponseToChat } from "./responses-response-to-chat";

if (!hasRecordings) console.warn(recordingsMissingMessage);

/** Error bodies (`{"error": {...}}`) are recorded failures, not responses: they are listed apart. */
const isErrorBody = (recording: Recording): boolean => {
  const body = recording.readJson<Record<string, unknown>>();
  return "error" in body && body.object === undefined;
};

const bodies = (protocol: "openai-chat" | "openai-responses") => {
  const all = listRecordings(protocol, "json");
  return { responses: all.filter((recording) => !isErrorBody(recording)), errors: all.filter(isErrorBody) };
};

/** The terminal Response object of each response in a recorded Responses stream. */
function terminalResponses(recording: Recording): ResponseObject[] {
  return recording
    .readChunks<{ type?: string; response?: unknown }>()
    .filter((event) => event.type === "response.completed" || event.type === "response.incomplete")
    .map((event) => ResponseObjectSchema.parse(event.response));
}

describe.skipIf(!hasRecordings)("recorded OpenAI Chat bodies become complete Response objects", () => {
  const { responses, errors } = bodies("openai-chat");
  it("finds recorded bodies, and error bodies apart", () => {
    expect(responses.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.readJson()).toHaveProperty("error");
  });
  it.each(responses.map((recording) => [recording.name, recording] as const))("%s", (_name, recording) => {
    const completion: ChatCompletionResponse = ChatCompletionResponseSchema.parse(recording.readJson());
    const { value } = chatResponseToResponses(completion, {
      request: { model: completion.model, input: "recorded" },
      ids: createSequentialIdGenerator(),
    });
    const object = ResponseObjectSchema.parse(value);
    for (const field of RESPONSE_OBJECT_FIELDS) expect(object).toHaveProperty(field);
    const message = completion.choices[0]?.message;
    const text = message?.content ?? "";
    expect(object.output_text).toBe(text);
    expect(object.output.filter((item) => item.type === "function_call")).toHaveLength(
      message?.tool_calls?.length ?? 0,
    );
    if (completion.usage) expect(object.usage?.input_tokens).toBe(completion.usage.prompt_tokens);
  });
});

describe.skipIf(!hasRecordings)("recorded OpenAI Responses bodies become Chat completions", () => {
  const { responses, errors } = bodies("openai-responses");
  it("finds recorded bodies, and error bodies apart", () => {
    expect(responses.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.readJson()).toHaveProperty("error");
  });
  const streams = listRecordings("openai-responses", "chunks").flatMap((recording) =>
    terminalResponses(recording).map((response, index) => [`${recording.name}#${index}`, response] as const),
  );
  const cases = [
    ...responses.map(
      (recording) => [recording.name, ResponseObjectSchema.parse(recording.readJson())] as const,
    ),
    ...streams,
  ];
  it.each(cases)("%s", (_name, response) => {
    const { value } = responsesResponseToChat(response);
    const completion = ChatCompletionResponseSchema.parse(value);
    const choice = completion.choices[0];
    const calls = response.output.filter(
      (item) => item.type === "function_call" || item.type === "custom_tool_call",
    );
    expect(choice?.message.tool_calls ?? []).toHaveLength(calls.length);
    expect(choice?.finish_reason).toBe(
      response.status === "incomplete" ? "length" : calls.length > 0 ? "tool_calls" : "stop",
    );
    const texts = response.output.flatMap((item) =>
      item.type === "message"
        ? item.content.flatMap((part) => (part.type === "output_text" ? [part.text] : []))
        : [],
    );
    expect(choice?.message.content ?? "").toBe(texts.join(""));
    if (response.usage) expect(completion.usage?.completion_tokens).toBe(response.usage.output_tokens);
  });
});
