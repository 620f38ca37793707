import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import type { FakeHandler } from "./fakes/fake-upstream";
import { useSharedHarness } from "./gateway-harness";
import { manualChatStream, RawSocket } from "./raw-socket";

const harness = useSharedHarness();
const MODEL = "deepseek-chat";

/** A deferred: a promise and the function that settles it. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** A DeepSeek answer that sends its first text, waits for `release`, then finishes. */
function heldAnswer(first: string, rest: string, release: Promise<void>): FakeHandler {
  return async (_request, response) => {
    const stream = manualChatStream(response, MODEL);
    stream.text(first);
    await release;
    stream.text(rest);
    stream.end();
  };
}

const open = () => RawSocket.open(harness.url);

describe("WebSocket upgrade", () => {
  it.each([
    ["no key", null, "missing_api_key"],
    ["a wrong key", "ak_wrong", "invalid_api_key"],
  ])("refuses %s with the HTTP 401 of the same keys", async (_name, key, code) => {
    const refused = await RawSocket.open(harness.url, key).catch(
      (error: { status: number; body: string }) => error,
    );
    expect(refused).toMatchObject({ status: 401 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: { code } });
  });

  it("serves WebSocket mode on /v1/responses only", async () => {
    const refused = await RawSocket.open(harness.url, undefined, "/v1/chat/completions").catch(
      (error: { status: number; body: string }) => error,
    );
    expect(refused).toMatchObject({ status: 404 });
    expect(JSON.parse((refused as { body: string }).body)).toMatchObject({ error: { code: "unknown_url" } });
  });
});

describe("client messages", () => {
  it.each([
    ["text that is not JSON", "{not json", "invalid_json", null],
    ["a JSON array", "[]", "invalid_type", "type"],
    ["an unknown event type", { type: "response.cancel" }, "unknown_event_type", "type"],
    [
      "background: true",
      { type: "response.create", model: MODEL, input: "Hi", background: true },
      "unsupported_parameter",
      "background",
    ],
    ["a body POST /v1/responses refuses", { type: "response.create", model: MODEL, input: 5 }, null, "input"],
  ])("answers %s with an error event and keeps the connection", async (_name, message, code, param) => {
    const socket = await open();
    socket.send(message);
    const error = await socket.nextOfType("error");
    expect(error).toMatchObject({
      type: "error",
      status: 400,
      error: { type: "invalid_request_error", param },
    });
    if (code !== null) expect((error.error as { code: string }).code).toBe(code);
    if (message && typeof message === "object" && message.type === "response.cancel")
      expect((error.error as { message: string }).message).toContain("response.cancel");
    socket.send({ type: "response.create", model: MODEL, input: "Say hello", store: false });
    const completed = await socket.nextOfType("response.completed");
    expect((completed.response as { output_text: string }).output_text).toBe(helloFrom("deepseek"));
    socket.close();
  });

  it("answers an unknown model with the error event of its 404", async () => {
    const socket = await open();
    socket.send({ type: "response.create", model: "no-such-model", input: "Hi", stream_id: "s1" });
    const error = await socket.nextOfType("error");
    expect(error).toMatchObject({ status: 404, stream_id: "s1", error: { code: "model_not_found" } });
    socket.close();
  });
});

describe("stream_id lanes", () => {
  it("runs two streams at once and echoes each one's stream_id", async () => {
    const release = deferred();
    harness.fakes.deepseek.script(heldAnswer("Slow ", "answer", release.promise));
    const socket = await open();
    socket.send({
      type: "response.create",
      stream_id: "slow",
      model: MODEL,
      input: "Slow one",
      store: false,
    });
    await socket.nextOfType("response.output_text.delta", "slow");
    socket.send({
      type: "response.create",
      stream_id: "fast",
      model: MODEL,
      input: "Fast one",
      store: false,
    });
    const fast = await socket.nextOfType("response.completed", "fast");
    expect((fast.response as { output_text: string }).output_text).toBe(helloFrom("deepseek"));
    expect(
      socket.events.some((event) => event.type === "response.completed" && event.stream_id === "slow"),
    ).toBe(false);
    release.resolve();
    const slow = await socket.nextOfType("response.completed", "slow");
    expect((slow.response as { output_text: string }).output_text).toBe("Slow answer");
    const lanes = new Set(socket.events.map((event) => event.stream_id));
    expect(lanes).toEqual(new Set(["slow", "fast"]));
    socket.close();
  });

  it("runs one stream's responses in arrival order", async () => {
    const release = deferred();
    harness.fakes.deepseek.script(heldAnswer("First ", "done", release.promise));
    const socket = await open();
    socket.send({ type: "response.create", stream_id: "main", model: MODEL, input: "One", store: false });
    socket.send({ type: "response.create", stream_id: "main", model: MODEL, input: "Two", store: false });
    await socket.nextOfType("response.output_text.delta", "main");
    release.resolve();
    await socket.next(
      (event) =>
        event.type === "response.completed" &&
        (event.response as { output_text: string }).output_text === helloFrom("deepseek"),
    );
    const types = socket.events.map((event) => event.type);
    const firstDone = types.indexOf("response.completed");
    const secondCreated = types.lastIndexOf("response.created");
    expect(secondCreated).toBeGreaterThan(firstDone);
    socket.close();
  });

  it("forks a chain onto a new stream from a response of another stream", async () => {
    const socket = await open();
    socket.send({
      type: "response.create",
      stream_id: "a",
      model: MODEL,
      input: "Remember the word lantern",
      store: false,
    });
    const base = await socket.nextOfType("response.completed", "a");
    const baseId = (base.response as { id: string }).id;
    socket.send({
      type: "response.create",
      stream_id: "b",
      model: MODEL,
      previous_response_id: baseId,
      input: "Which word?",
      store: false,
    });
    const fork = await socket.nextOfType("response.completed", "b");
    expect((fork.response as { previous_response_id: string }).previous_response_id).toBe(baseId);
    expect(harness.fakes.deepseek.lastRequest.rawBody).toContain("Remember the word lantern");
    socket.close();
  });
});

describe("response.steer", () => {
  it("accepts input for a running response and continues it in an automatic successor", async () => {
    const release = deferred();
    harness.fakes.deepseek.script(heldAnswer("Working ", "on it", release.promise));
    const socket = await open();
    socket.send({
      type: "response.create",
      stream_id: "main",
      model: MODEL,
      input: "Write a report",
      store: false,
    });
    const created = await socket.nextOfType("response.created", "main");
    const targetId = (created.response as { id: string }).id;
    socket.send({ type: "response.steer", previous_response_id: targetId, input: "Make it short" });
    const accepted = await socket.nextOfType("response.steer.accepted");
    expect(accepted).toMatchObject({ stream_id: "main", steer: { previous_response_id: targetId } });
    release.resolve();
    const successor = await socket.next(
      (event) => event.type === "response.created" && (event.response as { id: string }).id !== targetId,
    );
    expect(successor).toMatchObject({ stream_id: "main", response: { previous_response_id: targetId } });
    await socket.next(
      (event) => event.type === "response.completed" && (event.response as { id: string }).id !== targetId,
    );
    const successorRequest = harness.fakes.deepseek.lastRequest.rawBody;
    expect(successorRequest).toContain("Write a report");
    expect(successorRequest).toContain("Working on it");
    expect(successorRequest).toContain("Make it short");
    socket.close();
  });

  it("keeps input pending while the response waits for a tool result, and prepends it to the continuation", async () => {
    const release = deferred();
    harness.fakes.deepseek.script(async (_request, response) => {
      const stream = manualChatStream(response, MODEL);
      stream.text("");
      await release.promise;
      stream.toolCall("get_weather", '{"city":"Paris"}');
      stream.end("tool_calls");
    });
    const socket = await open();
    const tools = [
      {
        type: "function",
        name: "get_weather",
        parameters: { type: "object", properties: { city: { type: "string" } } },
      },
    ];
    socket.send({ type: "response.create", model: MODEL, input: "Weather?", tools, store: false });
    const created = await socket.nextOfType("response.created");
    const targetId = (created.response as { id: string }).id;
    socket.send({ type: "response.steer", previous_response_id: targetId, input: "In Celsius" });
    const accepted = await socket.nextOfType("response.steer.accepted");
    release.resolve();
    const pending = await socket.nextOfType("response.steer.pending");
    const types = socket.events.map((event) => event.type);
    expect(types.indexOf("response.steer.pending")).toBeGreaterThan(types.indexOf("response.completed"));
    expect(pending).toMatchObject({
      reason: "waiting_for_required_input",
      steer: { id: (accepted.steer as { id: string }).id, previous_response_id: targetId },
      required_input: [{ type: "function_call_output", call_id: "call_manual_1", name: "get_weather" }],
    });
    socket.send({
      type: "response.create",
      model: MODEL,
      previous_response_id: targetId,
      input: [{ type: "function_call_output", call_id: "call_manual_1", output: "sunny" }],
      tools,
      store: false,
    });
    await socket.next(
      (event) => event.type === "response.completed" && (event.response as { id: string }).id !== targetId,
    );
    const continuation = harness.fakes.deepseek.lastRequest.body as {
      messages: { role: string; content: unknown }[];
    };
    const roles = continuation.messages.map((message) => message.role);
    // Queued steering input comes before the request's own input: user (steer) then tool (result).
    expect(roles.slice(-2)).toEqual(["user", "tool"]);
    expect(JSON.stringify(continuation.messages.at(-2))).toContain("In Celsius");
    socket.close();
  });

  it.each([
    [
      "an unknown response",
      () => ({ previous_response_id: "resp_unknown", input: "x" }),
      "response_not_found",
    ],
    [
      "invalid input",
      () => ({ previous_response_id: "resp_unknown", input: [{ role: "assistant", content: "x" }] }),
      "invalid_input",
    ],
  ])("answers steering %s with response.steer.failed", async (_name, fields, code) => {
    const socket = await open();
    const event = fields();
    socket.send({ type: "response.steer", ...event });
    const failed = await socket.nextOfType("response.steer.failed");
    expect(failed).toMatchObject({
      error: { type: "invalid_request_error", code },
      steer: { previous_response_id: event.previous_response_id, input: event.input },
    });
    expect((failed.steer as { id?: string }).id).toBeUndefined();
    socket.close();
  });

  it("answers steering a completed response with response_already_completed", async () => {
    const socket = await open();
    socket.send({ type: "response.create", model: MODEL, input: "Hi", store: false });
    const completed = await socket.nextOfType("response.completed");
    socket.send({
      type: "response.steer",
      previous_response_id: (completed.response as { id: string }).id,
      input: "late",
    });
    const failed = await socket.nextOfType("response.steer.failed");
    expect(failed).toMatchObject({ error: { code: "response_already_completed" } });
    socket.close();
  });
});
