import type { ResponseObject, ResponseStreamEvent } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import type { ResponsesEventSink } from "../responses-stream-relay";
import { endedEarly, type ResponseFinisher, responseRecorder, type StreamEnding } from "./response-recorder";

const response = (
  status: ResponseObject["status"],
  output: ResponseObject["output"] = [],
): ResponseObject => ({
  id: "resp_upstream",
  object: "response",
  created_at: 1,
  status,
  model: "m",
  output,
});

const message = {
  id: "msg_1",
  type: "message" as const,
  role: "assistant" as const,
  status: "completed" as const,
  content: [{ type: "output_text" as const, text: "Hi", annotations: [] }],
};

/** A sink that keeps what reached it, and a finisher that logs what it stored. */
function setUp(fallback?: ResponseObject) {
  const sent: { kind: string; event: string | undefined; value: unknown }[] = [];
  const stored: ResponseObject[] = [];
  const inner: ResponsesEventSink = {
    relay: async (data, event) => {
      sent.push({ kind: "relay", event, value: data });
    },
    writeJson: async (value, event) => {
      sent.push({ kind: "json", event, value });
    },
    writeEvents: async (events) => {
      for (const event of events) sent.push({ kind: "event", event: event.type, value: event });
    },
  };
  const finisher: ResponseFinisher = {
    echo: (value) => ({ ...value, id: "resp_gateway", store: true }),
    finish: async (value) => {
      // Stored before the client gets it: no terminal event went out yet.
      expect(sent.some((entry) => entry.event === "response.completed")).toBe(false);
      stored.push(value);
      return value;
    },
  };
  const recorder = responseRecorder(finisher, fallback);
  return { sent, stored, recorder, sink: recorder.wrap(inner) };
}

const event = (value: Record<string, unknown>) => value as unknown as ResponseStreamEvent;

describe("responseRecorder", () => {
  it("gives transcoded events' Responses the gateway's id and stores the terminal one before it goes out", async () => {
    const { sent, stored, recorder, sink } = setUp();
    await sink.writeEvents([event({ type: "response.created", response: response("in_progress") })]);
    await sink.writeEvents([
      event({ type: "response.output_text.delta", delta: "Hi" }),
      event({ type: "response.output_item.done", item: message }),
      event({ type: "response.completed", response: response("completed", [message]) }),
    ]);
    const text = JSON.stringify(sent);
    expect(text).not.toContain("resp_upstream");
    expect(text.match(/resp_gateway/g)).toHaveLength(2);
    expect(stored).toEqual([{ ...response("completed", [message]), id: "resp_gateway", store: true }]);
    expect(recorder.final?.status).toBe("completed");
    await recorder.settle({ kind: "client_disconnected" });
    expect(stored).toHaveLength(1);
  });

  it("parses only the relayed native events that carry a Response or a finished item", async () => {
    const { sent, stored, sink } = setUp();
    const delta = JSON.stringify({ type: "response.output_text.delta", delta: "Hi" });
    await sink.relay(
      JSON.stringify({ type: "response.created", response: response("in_progress") }),
      undefined,
    );
    await sink.relay(delta, "response.output_text.delta");
    await sink.relay(
      JSON.stringify({ type: "response.output_item.done", item: message }),
      "response.output_item.done",
    );
    await sink.writeJson(
      { type: "response.completed", response: response("completed", [message]) },
      "response.completed",
    );
    expect(sent[0]).toMatchObject({
      kind: "json",
      event: "response.created",
      value: { response: { id: "resp_gateway" } },
    });
    // Untouched events go out as the upstream sent them, byte for byte.
    expect(sent[1]).toEqual({ kind: "relay", event: "response.output_text.delta", value: delta });
    expect(sent[2]?.kind).toBe("relay");
    expect(stored[0]?.id).toBe("resp_gateway");
  });

  it("stores what a stream that ended early had sent, with an honest status", async () => {
    const cases: { ending: StreamEnding; expected: Partial<ResponseObject> }[] = [
      {
        ending: { kind: "client_disconnected" },
        expected: { status: "incomplete", incomplete_details: { reason: "client_disconnected" } },
      },
      { ending: { kind: "cancelled" }, expected: { status: "cancelled" } },
      {
        ending: { kind: "failed", code: "upstream_error", message: "boom" },
        expected: { status: "failed", error: { code: "upstream_error", message: "boom" } },
      },
    ];
    for (const { ending, expected } of cases) {
      const { stored, recorder, sink } = setUp();
      await sink.writeEvents([event({ type: "response.created", response: response("in_progress") })]);
      await sink.writeEvents([event({ type: "response.output_item.done", item: message })]);
      await recorder.settle(ending);
      expect(stored).toEqual([
        {
          ...response("in_progress"),
          id: "resp_gateway",
          store: true,
          output: [message],
          output_text: "Hi",
          ...expected,
        },
      ]);
    }
  });

  it("with nothing sent stores the fallback, and without one nothing", async () => {
    const without = setUp();
    await without.recorder.settle({ kind: "client_disconnected" });
    expect(without.stored).toEqual([]);
    const withFallback = setUp(response("in_progress"));
    await withFallback.recorder.settle({ kind: "cancelled" });
    expect(withFallback.stored.map((value) => value.status)).toEqual(["cancelled"]);
  });

  it("endedEarly keeps the base fields and recomputes output_text", () => {
    expect(endedEarly(response("in_progress"), [message], { kind: "cancelled" })).toMatchObject({
      status: "cancelled",
      output_text: "Hi",
      output: [message],
    });
  });
});
