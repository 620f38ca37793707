import { describe, expect, it } from "vitest";
import { ChatCompletionRequestSchema } from "./chat/chat-request";
import { GatewayError } from "./errors";
import { ResponsesRequestSchema } from "./responses/responses-request";
import { parseOrThrow } from "./validation";

const chat = (extra: Record<string, unknown>) => ({
  model: "gpt-4o",
  messages: [{ role: "user", content: "hi" }],
  ...extra,
});
const responses = (extra: Record<string, unknown>) => ({ model: "gpt-4o", input: "hi", ...extra });

const rejectionOf = (schema: Parameters<typeof parseOrThrow>[0], body: unknown): GatewayError => {
  try {
    parseOrThrow(schema, body);
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error("the body was accepted");
};

describe("malformed requests are rejected with the field path", () => {
  it.each([
    ["chat: no messages", chat({ messages: [] }), "messages", "must have at least 1 item"],
    ["chat: messages not an array", chat({ messages: "hi" }), "messages", "expected an array"],
    [
      "chat: unknown role",
      chat({ messages: [{ role: "robot", content: "x" }] }),
      "messages[0].role",
      "unknown",
    ],
    [
      "chat: content wrong type",
      chat({ messages: [{ role: "user", content: 42 }] }),
      "messages[0].content",
      "",
    ],
    [
      "chat: image_url not a string",
      chat({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: 7 } }] }] }),
      "messages[0].content[0].image_url.url",
      "expected a string",
    ],
    ["chat: temperature out of range", chat({ temperature: 3 }), "temperature", "must be <= 2"],
    ["chat: n not an integer", chat({ n: 1.5 }), "n", "expected an int"],
    ["chat: n above the documented 10", chat({ n: 11 }), "n", "must be <= 10"],
    ["chat: n of zero", chat({ n: 0 }), "n", "must be >= 1"],
    [
      "chat: models and gateway.models",
      { messages: [{ role: "user", content: "x" }], models: ["gpt-4o"], gateway: { models: ["gpt-4o"] } },
      "models",
      "same setting in two forms",
    ],
    [
      "chat: routing and gateway.routing",
      chat({ routing: { optimize: "cost" }, gateway: { routing: { optimize: "latency" } } }),
      "routing",
      "same setting in two forms",
    ],
    ["chat: model and models", chat({ models: ["gpt-4o"] }), "models", "mutually exclusive"],
    [
      "chat: extensions.anthropic.model",
      chat({ model: "claude-haiku-4-5", extensions: { anthropic: { model: "claude-opus-4-6" } } }),
      "extensions.anthropic.model",
      "set by the gateway",
    ],
    [
      "chat: extensions.deepseek.stream",
      chat({ extensions: { deepseek: { stream: true } } }),
      "extensions.deepseek.stream",
      "set by the gateway",
    ],
    [
      "chat: extensions.google.generationConfig.candidateCount",
      chat({ extensions: { google: { generationConfig: { candidateCount: 4, temperature: 1 } } } }),
      "extensions.google.generationConfig.candidateCount",
      "set by the gateway",
    ],
    [
      "chat: tools of an OpenAI-compatible server's extension",
      chat({ extensions: { groq: { tools: [] } } }),
      "extensions.groq.tools",
      "set by the gateway",
    ],
    [
      "responses: extensions.openai.model",
      responses({ extensions: { openai: { model: "o3-pro" } } }),
      "extensions.openai.model",
      "set by the gateway",
    ],
    [
      "responses: extensions.openai.input",
      responses({ extensions: { openai: { input: "other" } } }),
      "extensions.openai.input",
      "set by the gateway",
    ],
    [
      "chat: unknown top-level routing objective",
      chat({ routing: { optimize: "cheapest" } }),
      "routing.optimize",
      "expected one of",
    ],
    [
      "chat: tool without name",
      chat({ tools: [{ type: "function", function: { description: "x" } }] }),
      "tools[0].function.name",
      "is required",
    ],
    [
      "chat: tool call arguments not a string",
      chat({
        messages: [
          {
            role: "assistant",
            tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: {} } }],
          },
        ],
      }),
      "messages[0].tool_calls[0].function.arguments",
      "expected a string",
    ],
    [
      "chat: model and gateway.models",
      chat({ gateway: { models: ["gpt-4o"] } }),
      "gateway.models",
      "mutually exclusive",
    ],
    [
      "chat: neither model nor gateway.models",
      { messages: [{ role: "user", content: "x" }] },
      "model",
      "required",
    ],
    [
      "chat: unknown routing objective",
      chat({ gateway: { routing: { optimize: "cheapest" } } }),
      "gateway.routing.optimize",
      "expected one of",
    ],
    [
      "chat: too many metadata tags",
      chat({ gateway: { metadata: { tags: Array.from({ length: 101 }, () => "t") } } }),
      "gateway.metadata.tags",
      "at most 100",
    ],
    [
      "chat: metadata tag too long",
      chat({ gateway: { metadata: { tags: ["x".repeat(51)] } } }),
      "gateway.metadata.tags[0]",
      "at most 50 characters",
    ],
    [
      "chat: trace_id too long",
      chat({ gateway: { metadata: { trace_id: "x".repeat(256) } } }),
      "gateway.metadata.trace_id",
      "at most 255",
    ],
    [
      "chat: custom field value too long",
      chat({ gateway: { metadata: { custom_fields: { team: "x".repeat(201) } } } }),
      "gateway.metadata.custom_fields.team",
      "at most 200",
    ],
    [
      "chat: too many custom fields",
      chat({
        gateway: {
          metadata: {
            custom_fields: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])),
          },
        },
      }),
      "gateway.metadata.custom_fields",
      "at most 10",
    ],
    [
      "chat: unknown metadata key",
      chat({ gateway: { metadata: { team: "x" } } }),
      "gateway.metadata",
      "unknown field 'team'",
    ],
    [
      "responses: image_url not a string",
      responses({
        input: [
          { role: "user", content: [{ type: "input_text", text: "a" }] },
          { role: "user", content: "b" },
          { role: "user", content: [{ type: "input_image", image_url: 5 }] },
        ],
      }),
      "input[2].content[0].image_url",
      "expected a string",
    ],
    [
      "responses: unknown item type",
      responses({ input: [{ type: "telepathy", id: "x" }] }),
      "input[0].type",
      "unknown",
    ],
    [
      "responses: function_call without call_id",
      responses({ input: [{ type: "function_call", name: "f", arguments: "{}" }] }),
      "input[0].call_id",
      "is required",
    ],
    ["responses: input not string or array", responses({ input: 42 }), "input", ""],
    [
      "responses: max_output_tokens zero",
      responses({ max_output_tokens: 0 }),
      "max_output_tokens",
      "must be >= 1",
    ],
    [
      "responses: truncation unknown",
      responses({ truncation: "sometimes" }),
      "truncation",
      "expected one of",
    ],
    [
      "responses: text.format json_schema without schema",
      responses({ text: { format: { type: "json_schema", name: "x" } } }),
      "text.format.schema",
      "is required",
    ],
  ])("%s", (name, body, path, messagePart) => {
    const schema = name.startsWith("chat") ? ChatCompletionRequestSchema : ResponsesRequestSchema;
    const error = rejectionOf(schema, body);
    expect(error.status).toBe(400);
    expect(error.type).toBe("invalid_request_error");
    expect(error.param).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toContain(messagePart);
    expect(error.message).not.toMatch(/"code":|ZodError|\[\s*\{/);
  });
});

describe("what parsing accepts and normalizes", () => {
  it("moves models and routing into gateway, keeping gateway.metadata", () => {
    const body = {
      messages: [{ role: "user", content: "x" }],
      models: ["claude-haiku-4-5", "gpt-4o"],
      routing: { optimize: "cost", providers: ["anthropic"] },
      gateway: { metadata: { tags: ["a"] } },
    };
    expect(parseOrThrow(ChatCompletionRequestSchema, body)).toEqual({
      messages: [{ role: "user", content: "x" }],
      gateway: {
        metadata: { tags: ["a"] },
        models: ["claude-haiku-4-5", "gpt-4o"],
        routing: { optimize: "cost", providers: ["anthropic"] },
      },
    });
  });

  it("lets extensions set what the gateway does not own", () => {
    const extensions = {
      anthropic: { thinking: { type: "enabled", budget_tokens: 2048 }, betas: ["x"] },
      google: { safetySettings: [], generationConfig: { thinkingConfig: { thinkingBudget: 0 } } },
      openai: { prompt_cache_retention: "24h" },
    };
    expect(parseOrThrow(ChatCompletionRequestSchema, chat({ extensions })).extensions).toEqual(extensions);
  });

  it("accepts n from 1 to 10", () => {
    expect(parseOrThrow(ChatCompletionRequestSchema, chat({ n: 10 })).n).toBe(10);
    expect(parseOrThrow(ChatCompletionRequestSchema, chat({ n: 1 })).n).toBe(1);
  });
});

describe("loose schemas keep unknown fields", () => {
  it("keeps unknown top-level, message and part fields", () => {
    const body = chat({
      vendor_flag: true,
      messages: [
        { role: "user", content: [{ type: "text", text: "x", vendor_part: 1 }], vendor_message: "y" },
      ],
    });
    expect(parseOrThrow(ChatCompletionRequestSchema, body)).toEqual(body);
  });

  it("keeps built-in tool items for native upstreams", () => {
    const body = responses({
      input: [{ type: "web_search_call", id: "ws_1", status: "completed", action: {} }],
    });
    expect(parseOrThrow(ResponsesRequestSchema, body)).toEqual(body);
  });
});
