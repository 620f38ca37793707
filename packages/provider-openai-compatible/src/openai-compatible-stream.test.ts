import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { genericPreset, type PresetName } from "./openai-compatible-preset";
import { openAICompatiblePresets } from "./presets";
import { checkStreamFixture, decodeStream } from "./testing/stream-fixture-runner";

describe("openai-compatible-stream-to-chat", () => {
  const cases = loadFixtureCases("openai-compatible-stream-to-chat");
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const name = fixture.readJsonOr<{ preset?: PresetName }>("options.json", {}).preset;
    const preset = name === undefined ? genericPreset : openAICompatiblePresets[name];
    checkStreamFixture(fixture, preset, name ?? "openai-compatible");
  });
});

describe("stream decoder edge cases", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("skips data that is not JSON with a warning", () => {
    const body =
      'data: not json\n\ndata: {"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const { chunks, warnings, error } = decodeStream(encode(body), genericPreset, "x", 5);
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(1);
    expect(warnings.map((warning) => warning.type)).toEqual(["unknown_event"]);
  });

  it("turns a Mistral-style error object into a GatewayError", () => {
    const body =
      'data: {"object":"error","message":"Tool call id was x","type":"invalid_request_error","code":"3280"}\n\n';
    const { error } = decodeStream(encode(body), genericPreset, "mistral", 3);
    expect(error).toMatchObject({
      status: 500,
      code: "3280",
      message: "Tool call id was x",
      provider: "mistral",
    });
  });

  it("ignores anything after [DONE]", () => {
    const body = 'data: [DONE]\n\ndata: {"error":{"message":"late"}}\n\n';
    const { chunks, error } = decodeStream(encode(body), genericPreset, "x", 4);
    expect(error).toBeUndefined();
    expect(chunks).toEqual([]);
  });
});
