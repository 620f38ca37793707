import { describe, expect, it } from "vitest";
import { useSharedHarness } from "./gateway-harness";
import { RawSocket } from "./raw-socket";

const harness = useSharedHarness();
const MODEL = "deepseek-chat";

describe("WebSocket mode applies the input limits of the HTTP endpoints", () => {
  it.each([
    {
      name: "10,000-level nesting in an unknown field",
      message: `{"type":"response.create","model":"${MODEL}","input":"hi","extra":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      param: "extra[0]",
    },
    {
      name: "a model name over 256 characters",
      message: JSON.stringify({ type: "response.create", model: "m".repeat(300), input: "hi" }),
      param: "model",
    },
  ])("answers $name with an error event naming the field, and keeps serving", async ({ message, param }) => {
    const socket = await RawSocket.open(harness.url);
    socket.send(message);
    const error = await socket.nextOfType("error");
    expect(error).toMatchObject({
      type: "error",
      status: 400,
      error: { type: "invalid_request_error", code: "input_limit_exceeded" },
    });
    expect((error.error as { param: string }).param.startsWith(param)).toBe(true);
    expect(harness.fakes.deepseek.requests).toHaveLength(0);
    socket.send({ type: "response.create", model: MODEL, input: "Say hello", store: false });
    await socket.nextOfType("response.completed");
    socket.close();
  });
});
