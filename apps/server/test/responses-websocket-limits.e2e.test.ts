import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { CLIENT_KEY, startHarness, useSharedHarness } from "./gateway-harness";
import { manualChatStream, RawSocket } from "./raw-socket";

const LIMITS = { maxMessageBytes: 4096, idleTimeoutMs: 400, maxStreams: 2, maxQueuedRequests: 1 };
const harness = useSharedHarness({ file: { websocket: LIMITS } });
const MODEL = "deepseek-chat";

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Scripts a DeepSeek answer held open until `release`. */
function holdAnswer(release: Promise<void>) {
  harness.fakes.deepseek.script(async (_request, response) => {
    const stream = manualChatStream(response, MODEL);
    stream.text("Held ");
    await release;
    stream.text("answer");
    stream.end();
  });
}

describe("WebSocket limits", () => {
  it("closes with 1009 on a message over maxMessageBytes", async () => {
    const socket = await RawSocket.open(harness.url);
    const closed = socket.closed();
    socket.send({ type: "response.create", model: MODEL, input: "x".repeat(LIMITS.maxMessageBytes) });
    expect(await closed).toBe(1009);
  });

  it("closes an idle connection with 1000, but not while a response runs", async () => {
    const release = deferred();
    holdAnswer(release.promise);
    const socket = await RawSocket.open(harness.url);
    const closed = socket.closed();
    socket.send({ type: "response.create", model: MODEL, input: "Hold", store: false });
    await socket.nextOfType("response.output_text.delta");
    // Longer than the idle timeout, with the response still running: the connection stays.
    await new Promise((resolve) => setTimeout(resolve, LIMITS.idleTimeoutMs * 2));
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    release.resolve();
    const completed = await socket.nextOfType("response.completed");
    expect((completed.response as { output_text: string }).output_text).toBe("Held answer");
    expect(await closed).toBe(1000);
  });

  it("ends a connection at maxConnectionMs with websocket_connection_limit_reached", async () => {
    const own = await startHarness({ file: { websocket: { maxConnectionMs: 800 } } });
    try {
      const socket = await RawSocket.open(own.url);
      const closed = socket.closed();
      const limit = await socket.next(
        (event) =>
          event.type === "error" &&
          (event.error as { code: string }).code === "websocket_connection_limit_reached",
      );
      expect(limit).toMatchObject({ status: 400, error: { type: "invalid_request_error" } });
      expect(await closed).toBe(1000);
    } finally {
      await own.stop();
    }
  });

  it("cuts a client that does not answer pings", async () => {
    const own = await startHarness({ file: { websocket: { pingIntervalMs: 100 } } });
    try {
      const socket = new WebSocket(`${own.url.replace(/^http/, "ws")}/v1/responses`, {
        headers: { authorization: `Bearer ${CLIENT_KEY}` },
        autoPong: false,
      });
      const code = await new Promise<number>((resolve) => socket.once("close", resolve));
      // Terminated without a close frame: 1006 (abnormal closure) on the client's side.
      expect(code).toBe(1006);
    } finally {
      await own.stop();
    }
  });

  it("refuses more streams and queued requests than the connection may hold", async () => {
    const release = deferred();
    holdAnswer(release.promise);
    holdAnswer(release.promise);
    const socket = await RawSocket.open(harness.url);
    socket.send({ type: "response.create", stream_id: "a", model: MODEL, input: "A", store: false });
    socket.send({ type: "response.create", stream_id: "b", model: MODEL, input: "B", store: false });
    socket.send({ type: "response.create", stream_id: "c", model: MODEL, input: "C", store: false });
    expect(await socket.nextOfType("error", "c")).toMatchObject({
      error: { code: "too_many_streams", param: "stream_id" },
    });
    socket.send({ type: "response.create", stream_id: "a", model: MODEL, input: "A2", store: false });
    socket.send({ type: "response.create", stream_id: "a", model: MODEL, input: "A3", store: false });
    expect(await socket.nextOfType("error", "a")).toMatchObject({
      error: { code: "too_many_queued_requests" },
    });
    release.resolve();
    const done = [];
    for (let index = 0; index < 3; index++) done.push(await socket.nextOfType("response.completed"));
    expect(done.map((event) => event.stream_id).sort()).toEqual(["a", "a", "b"]);
    socket.close();
  });
});

describe("WebSocket shutdown", () => {
  it("refuses new responses while draining, lets the running one finish, then closes with 1001", async () => {
    const own = await startHarness();
    const release = deferred();
    own.fakes.deepseek.script(async (_request, response) => {
      const stream = manualChatStream(response, MODEL);
      stream.text("Last ");
      await release.promise;
      stream.text("words");
      stream.end();
    });
    const socket = await RawSocket.open(own.url);
    const closed = socket.closed();
    socket.send({ type: "response.create", stream_id: "a", model: MODEL, input: "Hold", store: false });
    await socket.nextOfType("response.output_text.delta", "a");
    const stopped = own.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.send({ type: "response.create", stream_id: "b", model: MODEL, input: "More", store: false });
    expect(await socket.nextOfType("error", "b")).toMatchObject({
      status: 503,
      error: { code: "server_shutting_down" },
    });
    release.resolve();
    const completed = await socket.nextOfType("response.completed", "a");
    expect((completed.response as { output_text: string }).output_text).toBe("Last words");
    expect(await closed).toBe(1001);
    await stopped;
  });
});
