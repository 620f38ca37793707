import { GatewayError, nativePassthrough, nativeTokenCounter, readAllText } from "@switchyard/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnthropicProvider } from "./anthropic-provider";

const KEY = "sk-ant-test-passthrough";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// An invented event type and unknown fields: a passthrough must relay them byte for byte.
const streamBytes = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","future_field":{"x":1}}}\n\n',
  'event: brand_new_event\ndata: {"type":"brand_new_event","payload":[1,2,3]}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
].join("");

describe("native Messages passthrough", () => {
  it("sends the body as given with the client's beta header, and relays the stream byte for byte", async () => {
    let seen: { body: unknown; headers: Record<string, string | null> } | undefined;
    server.use(
      http.post("https://api.anthropic.com/v1/messages", async ({ request }) => {
        seen = {
          body: await request.json(),
          headers: {
            key: request.headers.get("x-api-key"),
            version: request.headers.get("anthropic-version"),
            beta: request.headers.get("anthropic-beta"),
            accept: request.headers.get("accept"),
          },
        };
        return new HttpResponse(streamBytes, { headers: { "content-type": "text/event-stream" } });
      }),
    );
    const body = {
      model: "claude-sonnet-4-6",
      max_tokens: 10,
      stream: true,
      messages: [
        { role: "user", content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral" } }] },
      ],
      unknown_field: { kept: true },
    };
    const result = await nativePassthrough(createAnthropicProvider(), "anthropic-messages")!(body, {
      apiKey: KEY,
      headers: { "anthropic-beta": "context-1m-2025-08-07", authorization: "Bearer ak_client" },
    });
    expect(result.status).toBe(200);
    expect(await readAllText(result.body)).toBe(streamBytes);
    expect(seen).toEqual({
      body,
      headers: {
        key: KEY,
        version: "2023-06-01",
        beta: "context-1m-2025-08-07",
        accept: "text/event-stream",
      },
    });
  });

  it("maps an upstream error to a retryable GatewayError so the router can fail over", async () => {
    server.use(
      http.post("https://api.anthropic.com/v1/messages", () =>
        HttpResponse.json(
          { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
          { status: 529 },
        ),
      ),
    );
    const attempt = nativePassthrough(createAnthropicProvider(), "anthropic-messages")!(
      { model: "m", max_tokens: 1, messages: [] },
      { apiKey: KEY },
    );
    await expect(attempt).rejects.toBeInstanceOf(GatewayError);
    await expect(attempt).rejects.toMatchObject({ status: 529, retryable: true });
  });

  it("counts tokens exactly through count_tokens", async () => {
    let path = "";
    server.use(
      http.post("https://api.anthropic.com/v1/messages/count_tokens", ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ input_tokens: 1234 });
      }),
    );
    const count = await nativeTokenCounter(createAnthropicProvider(), "anthropic-messages")!(
      { model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] },
      { apiKey: KEY },
    );
    expect(count).toBe(1234);
    expect(path).toBe("/v1/messages/count_tokens");
  });
});
