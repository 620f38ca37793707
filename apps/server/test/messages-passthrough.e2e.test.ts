import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import type { FakeHandler } from "./fakes/fake-upstream";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";
import { anthropicClient, readText } from "./messages-client";

const harness = useSharedHarness();

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${harness.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": CLIENT_KEY, ...headers },
    body,
  });

/**
 * A request in compact JSON (as the SDKs send it) with what only Anthropic understands: cache_control on
 * system, tools and blocks, a signed thinking block, a redacted one, a block type and fields this gateway
 * has never heard of. `claude-sonnet-4`, an alias the gateway invents, is served as Anthropic's `claude-sonnet-4-0`.
 */
const requestBody = (model: string, stream: boolean) =>
  JSON.stringify({
    model,
    max_tokens: 2048,
    system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral", ttl: "1h" } }],
    messages: [
      { role: "user", content: [{ type: "text", text: "Héllo ✓", cache_control: { type: "ephemeral" } }] },
      {
        role: "assistant",
        content: [
          {
            type: "thinking",
            thinking: "Greet back.",
            signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxDNTQ5Njk2",
          },
          {
            type: "redacted_thinking",
            data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP",
          },
          { type: "text", text: "Hi." },
        ],
      },
      { role: "user", content: [{ type: "future_block", payload: { nested: [1, 2.5, null, true] } }] },
    ],
    thinking: { type: "enabled", budget_tokens: 1024 },
    context_management: { edits: [{ type: "clear_tool_uses_20250919" }] },
    stream,
    gateway: { metadata: { tags: ["passthrough"] } },
  });

/** Writes `text` in pieces cut at awkward places (inside frames and inside multi-byte characters). */
function writeInPieces(response: ServerResponse, status: number, contentType: string, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  response.writeHead(status, { "content-type": contentType, "request-id": "req_upstream_1" });
  for (let start = 0; start < bytes.length; start += 7) response.write(bytes.subarray(start, start + 7));
  response.end();
}

const answerWith =
  (contentType: string, text: string): FakeHandler =>
  (_request, response) =>
    writeInPieces(response, 200, contentType, text);

describe("POST /v1/messages passed through to Anthropic", () => {
  it.each([false, true])(
    "sends the body upstream byte for byte, less gateway, with the provider's model id (stream: %s)",
    async (stream) => {
      const body = requestBody("claude-sonnet-4", stream);
      const response = await post(body, {
        "anthropic-version": "2023-06-01",
        "anthropic-beta": "interleaved-thinking-2025-05-14,context-management-2025-06-27",
      });
      expect(response.status).toBe(200);
      await readText(response);
      const upstream = harness.fakes.anthropic.lastRequest;
      const { gateway: _gateway, ...expected } = JSON.parse(body) as Record<string, unknown>;
      expected["model"] = "claude-sonnet-4-0";
      expect(upstream.rawBody).toBe(JSON.stringify(expected));
      expect(upstream.headers["anthropic-beta"]).toBe(
        "interleaved-thinking-2025-05-14,context-management-2025-06-27",
      );
      expect(upstream.headers["x-api-key"]).toBe("sk-ant-upstream");
    },
  );

  it("relays a whole answer byte for byte, with the routing headers", async () => {
    // Spacing, escapes and fields no schema knows: the client must get exactly these bytes.
    const answer =
      '{"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6",' +
      '"content":[{"type":"thinking","thinking":"caf\\u00e9","signature":"sig\\/1"},' +
      '{"type":"text","text":"Hi ✓","citations":null,"future_field":{"a":1.50}}],' +
      '"stop_reason":"end_turn","stop_sequence":null,"container":null,' +
      '"usage":{"input_tokens":10,"cache_read_input_tokens":90,"cache_creation_input_tokens":0,"output_tokens":5,"service_tier":"standard"}}';
    harness.fakes.anthropic.script(answerWith("application/json", answer));
    const response = await post(requestBody("claude-sonnet-4-6", false));
    expect(response.status).toBe(200);
    expect(await readText(response)).toBe(answer);
    expect(response.headers.get("request-id")).toBe("req_upstream_1");
    expect(response.headers.get("x-switchyard-provider")).toBe("anthropic");
    expect(response.headers.get("x-switchyard-model")).toBe("claude-sonnet-4-6");
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBeGreaterThan(0);
    await expect
      .poll(() => harness.logLines.find((line) => line["path"] === "/v1/messages"))
      .toMatchObject({ status: 200, provider: "anthropic", tokens: expect.anything() });
  });

  it("relays a stream byte for byte: unknown events, pings and signatures included", async () => {
    const frames = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"cache_read_input_tokens":100,"output_tokens":1}}}\n\n',
      'event: ping\ndata: {"type": "ping"}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Thé ✓ thought"}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM+/="}}\n\n',
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
      'event: future_event\ndata: {"type":"future_event","detail":{"x":[1,2]}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":9}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ].join("");
    harness.fakes.anthropic.script(answerWith("text/event-stream", frames));
    const response = await post(requestBody("claude-sonnet-4-6", true));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await readText(response)).toBe(frames);
    await expect
      .poll(() => harness.logLines.find((line) => line["path"] === "/v1/messages"))
      .toMatchObject({ status: 200, provider: "anthropic", cost_usd: expect.any(Number) });
  });

  it("ends a stream the upstream cut short with an Anthropic error event, never a partial frame", async () => {
    const complete =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_03","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n\n';
    harness.fakes.anthropic.script((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(`${complete}event: content_block_start\ndata: {"type":"content_bl`);
      response.end();
    });
    const response = await post(requestBody("claude-sonnet-4-6", true));
    const text = await readText(response);
    expect(text.startsWith(complete)).toBe(true);
    const rest = text.slice(complete.length);
    expect(rest).toMatch(
      /^event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":".+"\}\}\n\n$/,
    );
  });

  it("answers an upstream error in Anthropic's shape and status", async () => {
    // 529 is retryable: the single Anthropic offering fails every attempt.
    const overloaded = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };
    for (let attempt = 0; attempt < 3; attempt++)
      harness.fakes.anthropic.script((_request, response) => {
        response.writeHead(529, { "content-type": "application/json" });
        response.end(JSON.stringify(overloaded));
      });
    const client = anthropicClient(harness);
    const failure = await client.messages
      .create({ model: "claude-sonnet-4-6", max_tokens: 10, messages: [{ role: "user", content: "hi" }] })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      status: 529,
      error: { type: "error", error: { type: "overloaded_error" } },
    });
  });
});
