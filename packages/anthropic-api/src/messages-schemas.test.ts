import { describe, expect, it } from "vitest";
import { AnthropicMessageSchema, AnthropicStreamEventSchema } from "./messages-answer-schema";
import { AnthropicCountTokensRequestSchema, AnthropicMessagesRequestSchema } from "./messages-request-schema";

const request = (content: unknown[], extra: Record<string, unknown> = {}) => ({
  model: "claude-sonnet-4-6",
  max_tokens: 64,
  messages: [{ role: "user", content }],
  ...extra,
});
const text = { type: "text", text: "hi" };

// Each case after the `@anthropic-ai/sdk` types: CacheControlEphemeral, DocumentBlockParam's five sources,
// ToolResultBlockParam's content.
describe("requests are parsed strictly", () => {
  it.each<[string, unknown]>([
    ["a 1h cache TTL", request([{ ...text, cache_control: { type: "ephemeral", ttl: "1h" } }])],
    [
      "a base64 PDF",
      request([
        { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBE" } },
      ]),
    ],
    [
      "plain text",
      request([{ type: "document", source: { type: "text", media_type: "text/plain", data: "x" } }]),
    ],
    ["inline content", request([{ type: "document", source: { type: "content", content: [text] } }])],
    [
      "a PDF by URL",
      request([{ type: "document", source: { type: "url", url: "https://example.com/a.pdf" } }]),
    ],
    ["an uploaded file", request([{ type: "document", source: { type: "file", file_id: "file_1" } }])],
    [
      "a tool result with a search result and a tool reference",
      request([
        {
          type: "tool_result",
          tool_use_id: "toolu_1",
          content: [
            { type: "search_result", source: "https://example.com", title: "Example", content: [text] },
            { type: "tool_reference", tool_name: "get_weather" },
            { type: "document", source: { type: "text", media_type: "text/plain", data: "x" } },
          ],
        },
      ]),
    ],
    ["a block type newer than this package", request([{ type: "future_block", payload: 1 }])],
    ["a system message", { ...request([text]), messages: [{ role: "system", content: "Be brief." }] }],
  ])("accepts %s", (_name, body) => {
    expect(AnthropicMessagesRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      "a TTL Anthropic does not offer",
      request([{ ...text, cache_control: { type: "ephemeral", ttl: "2h" } }]),
      "messages.0.content.0",
    ],
    [
      "a text document without its media type",
      request([{ type: "document", source: { type: "text", data: "x" } }]),
      "messages.0.content.0",
    ],
    [
      "a base64 document that is not a PDF",
      request([{ type: "document", source: { type: "base64", media_type: "image/png", data: "x" } }]),
      "messages.0.content.0",
    ],
    [
      "a document source of no known type",
      request([{ type: "document", source: { type: "s3", key: "x" } }]),
      "messages.0.content.0",
    ],
    ["a text block without text", request([{ type: "text" }]), "messages.0.content.0"],
    ["a temperature above 1", request([text], { temperature: 1.5 }), "temperature"],
    ["max_tokens of 0", request([text], { max_tokens: 0 }), "max_tokens"],
    [
      "a thinking budget of 0",
      request([text], { thinking: { type: "enabled", budget_tokens: 0 } }),
      "thinking",
    ],
    ["an unknown effort", request([text], { output_config: { effort: "extreme" } }), "output_config.effort"],
  ])("rejects %s", (_name, body, path) => {
    const parsed = AnthropicMessagesRequestSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContainEqual(
      expect.stringContaining(path),
    );
  });

  it("lets count_tokens leave max_tokens out, and only that", () => {
    const { max_tokens: _maxTokens, ...body } = request([text]);
    expect(AnthropicCountTokensRequestSchema.safeParse(body).success).toBe(true);
    expect(AnthropicMessagesRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe("answers are parsed loosely from the same blocks", () => {
  const message = (content: unknown[], extra: Record<string, unknown> = {}) => ({
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-6",
    content,
    stop_reason: "end_turn",
    usage: { input_tokens: 1, output_tokens: 1 },
    ...extra,
  });

  it.each<[string, unknown]>([
    [
      "a stop reason newer than this package",
      message([text], { stop_reason: "model_context_window_exceeded_v2" }),
    ],
    [
      "a server tool block",
      message([{ type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: {} }]),
    ],
    [
      "a cache TTL newer than this package",
      message([{ ...text, cache_control: { type: "ephemeral", ttl: "24h" } }]),
    ],
  ])("accepts %s", (_name, body) => {
    expect(AnthropicMessageSchema.safeParse(body).success).toBe(true);
  });

  it("reads an unknown delta type inside a known event", () => {
    const event = { type: "content_block_delta", index: 0, delta: { type: "future_delta", x: 1 } };
    expect(AnthropicStreamEventSchema.safeParse(event).success).toBe(true);
  });
});
