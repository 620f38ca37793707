import { encodeJsonSseFrame, type ResponseObject } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import type { SseWriter } from "../sse-writer";
import { endedEarly, type ResponseFinisher, recordingWriter, type StreamEnding } from "./recording-writer";

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

/** A writer that keeps what reached it, and a finisher that logs what it stored. */
function setUp() {
  const written: string[] = [];
  const stored: ResponseObject[] = [];
  const inner: SseWriter = {
    closed: false,
    open: () => {},
    end: () => {},
    write: async (chunk) => {
      written.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
    },
  };
  const finisher: ResponseFinisher = {
    echo: (value) => ({ ...value, id: "resp_gateway", store: true }),
    finish: async (value) => {
      stored.push(value);
      // What the store saw before the client got it: nothing of the terminal frame is written yet.
      expect(written.join("")).not.toContain("response.completed");
      return value;
    },
  };
  return { written, stored, writer: recordingWriter(inner, finisher) };
}

const frame = (value: { type: string }) => encodeJsonSseFrame(value, value.type);

describe("recordingWriter", () => {
  it("gives every Response object the gateway's id and stores the terminal one before it is written", async () => {
    const { written, stored, writer } = setUp();
    await writer.write(frame({ type: "response.created", response: response("in_progress") } as never));
    // Several frames in one write, as the transcoder writes them.
    await writer.write(
      frame({ type: "response.output_text.delta", delta: "Hi" } as never) +
        frame({ type: "response.output_item.done", item: message } as never) +
        frame({ type: "response.completed", response: response("completed", [message]) } as never),
    );
    const text = written.join("");
    expect(text).not.toContain("resp_upstream");
    expect(text.match(/resp_gateway/g)).toHaveLength(2);
    expect(text).toContain('"delta":"Hi"');
    expect(stored).toEqual([{ ...response("completed", [message]), id: "resp_gateway", store: true }]);
    expect(writer.final?.status).toBe("completed");
    await writer.settle({ kind: "client_disconnected" });
    expect(stored).toHaveLength(1);
  });

  it("names a frame without an event line by its data's type", async () => {
    const { written, writer } = setUp();
    await writer.write(
      `data: ${JSON.stringify({ type: "response.created", response: response("in_progress") })}\n\n`,
    );
    expect(written.join("")).toContain("resp_gateway");
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
      const { stored, writer } = setUp();
      await writer.write(frame({ type: "response.created", response: response("in_progress") } as never));
      await writer.write(frame({ type: "response.output_item.done", item: message } as never));
      await writer.settle(ending);
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

  it("with nothing sent and no fallback, stores nothing", async () => {
    const { stored, writer } = setUp();
    await writer.settle({ kind: "client_disconnected" });
    expect(stored).toEqual([]);
  });

  it("endedEarly keeps the base fields and recomputes output_text", () => {
    expect(endedEarly(response("in_progress"), [message], { kind: "cancelled" })).toMatchObject({
      status: "cancelled",
      output_text: "Hi",
      output: [message],
    });
  });
});
