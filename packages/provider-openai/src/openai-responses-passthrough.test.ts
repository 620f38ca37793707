import { nativePassthrough, ResponsesRequestSchema } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { createOpenAIProvider } from "./openai-provider";
import { collect, concatBytes, responsesSse, useFakeOpenAI } from "./testing/openai-test-server";

const apiKey = "sk-test-0123456789abcdef";

const fake = useFakeOpenAI();

describe("responses (native passthrough)", () => {
  const request = ResponsesRequestSchema.parse({
    model: "gpt-5.2",
    input: "Hello",
    stream: true,
    reasoning: { effort: "low", summary: "auto" },
    tools: [{ type: "web_search" }],
    include: ["reasoning.encrypted_content"],
    brand_new_option: { level: 3 },
    gateway: { routing: { optimize: "latency" } },
    extensions: { openai: { prompt_cache_retention: "24h" }, google: { safety: "off" } },
  });

  it("sends the request as given, less gateway, with extensions.openai merged", async () => {
    fake.answer("/responses", { bytes: "event: response.completed\ndata: {}\n\n" });
    const provider = createOpenAIProvider();
    await nativePassthrough(provider, "openai-responses")!(request, { apiKey });
    expect(fake.requests[0]?.url).toBe("https://api.openai.com/v1/responses");
    expect(fake.requests[0]?.body).toEqual({
      model: "gpt-5.2",
      input: "Hello",
      stream: true,
      reasoning: { effort: "low", summary: "auto" },
      tools: [{ type: "web_search" }],
      include: ["reasoning.encrypted_content"],
      brand_new_option: { level: 3 },
      prompt_cache_retention: "24h",
    });
    expect(fake.requests[0]?.headers.accept).toBe("text/event-stream");
  });

  it("relays unknown event types and unknown fields byte for byte", async () => {
    const upstream =
      'event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","mystery":{"a":[1,2,3]}}}\n\n' +
      ": keep-alive comment\n\n" +
      'event: response.quantum_flux.delta\ndata: {"type":"response.quantum_flux.delta","sequence_number":1,"flux":"\\u00e9\\u2603 ☃ é","x":1.50}\n\n' +
      'event: response.output_text.delta\r\ndata: {"type":"response.output_text.delta","sequence_number":2,"delta":"Hi",  "spacing" : true}\r\n\r\n' +
      'event: response.completed\ndata: {"type":"response.completed","sequence_number":3,"response":{"id":"resp_1","status":"completed","future_field":null}}\n\n';
    const bytes = new TextEncoder().encode(upstream);
    fake.answer("/responses", {
      bytes,
      pieceSize: 3,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "x-request-id": "req_42",
        "set-cookie": "__cf_bm=1",
      },
    });
    const provider = createOpenAIProvider();
    const result = await nativePassthrough(provider, "openai-responses")!(request, { apiKey });
    expect(result.status).toBe(200);
    expect(result.headers).toMatchObject({
      "content-type": "text/event-stream; charset=utf-8",
      "x-request-id": "req_42",
    });
    expect(result.headers).not.toHaveProperty("set-cookie");
    const relayed = concatBytes(await collect(result.body));
    expect(Buffer.from(relayed).equals(Buffer.from(bytes))).toBe(true);
  });

  it("relays a non-streaming body untouched", async () => {
    const body =
      '{"id":"resp_2","object":"response","status":"completed","output":[],"unknown_top":{"deep":[true]}}';
    fake.answer("/responses", { bytes: body, headers: { "content-type": "application/json" } });
    const provider = createOpenAIProvider();
    const result = await nativePassthrough(provider, "openai-responses")!(
      ResponsesRequestSchema.parse({ model: "gpt-5.2", input: "Hi" }),
      { apiKey },
    );
    expect(new TextDecoder().decode(concatBytes(await collect(result.body)))).toBe(body);
    expect(fake.requests[0]?.headers.accept).toBe("application/json");
  });

  it.each([
    [400, false],
    [401, false],
    [429, true],
    [500, true],
    [503, true],
  ])("throws a GatewayError for HTTP %i so the router can fail over", async (status, retryable) => {
    fake.answer("/responses", {
      status,
      json: { error: { message: `failure ${status}`, type: "server_error", param: null, code: null } },
      headers: { "retry-after": "1" },
    });
    const provider = createOpenAIProvider();
    await expect(nativePassthrough(provider, "openai-responses")!(request, { apiKey })).rejects.toMatchObject(
      {
        status,
        retryable,
        provider: "openai",
        message: `failure ${status}`,
        retryAfterMs: 1000,
      },
    );
  });

  it("cancels the upstream when the reader stops early", async () => {
    fake.answer("/responses", { bytes: responsesSse([{ type: "response.created" }]), hang: true });
    const provider = createOpenAIProvider();
    const result = await nativePassthrough(provider, "openai-responses")!(request, { apiKey });
    for await (const _bytes of result.body) break;
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });

  it("cancels the upstream when the signal aborts while the body is read", async () => {
    fake.answer("/responses", { bytes: responsesSse([{ type: "response.created" }]), hang: true });
    const provider = createOpenAIProvider();
    const controller = new AbortController();
    const result = await nativePassthrough(provider, "openai-responses")!(request, {
      apiKey,
      signal: controller.signal,
    });
    const iterator = result.body[Symbol.asyncIterator]();
    await iterator.next();
    const next = iterator.next();
    controller.abort();
    await expect(next).rejects.toMatchObject({ status: 499, code: "request_aborted", provider: "openai" });
    expect(fake.requests[0]?.signal.aborted).toBe(true);
  });
});
