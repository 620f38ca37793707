import { type ChatCompletionChunk, type ChatUsage, createSequentialIdGenerator } from "@switchyard/core";
import { hasRecordings, listRecordings, recordingsMissingMessage } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { createToolCallIdMap } from "./mistral-tool-call-ids";
import { genericPreset, type OpenAICompatiblePreset } from "./openai-compatible-preset";
import { openAICompatibleResponseToChat } from "./openai-compatible-response";
import { createOpenAICompatibleStreamDecoder } from "./openai-compatible-stream";
import { openAICompatiblePresets } from "./presets";

type Raw = Record<string, unknown> & {
  choices?: Array<{ delta?: Record<string, unknown> }>;
  usage?: unknown;
};

/** The preset of a recording, from its file name (deepseek is covered by the deepseek package). */
const presetOf = (name: string): OpenAICompatiblePreset | undefined => {
  if (name.startsWith("groq-")) return openAICompatiblePresets.groq;
  if (name.startsWith("mistral-")) return openAICompatiblePresets.mistral;
  if (name.startsWith("xai-")) return openAICompatiblePresets.xai;
  if (name.startsWith("anthropic-")) return genericPreset;
  return undefined;
};

const partsText = (value: unknown, type: "text" | "thinking"): string => {
  if (typeof value === "string") return type === "text" ? value : "";
  if (!Array.isArray(value)) return "";
  return value
    .map((part: Record<string, unknown>) =>
      part["type"] !== type
        ? ""
        : type === "text"
          ? String(part["text"])
          : (part["thinking"] as Array<{ text: string }>).map((inner) => inner.text).join(""),
    )
    .join("");
};

/** Expected values computed straight from the raw recorded chunks, without the normaliser. */
function expectedFromRaw(raws: Raw[], name: string) {
  let text = "";
  let reasoning = "";
  let argumentsText = "";
  const toolNames: string[] = [];
  let usage: Record<string, number> | undefined;
  for (const raw of raws) {
    for (const choice of raw.choices ?? []) {
      const delta = choice.delta ?? {};
      text += partsText(delta["content"], "text");
      reasoning += partsText(delta["content"], "thinking");
      reasoning +=
        (delta["reasoning_content"] as string | null) ?? (delta["reasoning"] as string | null) ?? "";
      for (const call of (delta["tool_calls"] as Array<{
        function?: { name?: string; arguments?: string };
      }>) ?? []) {
        if (call.function?.name) toolNames.push(call.function.name);
        argumentsText += call.function?.arguments ?? "";
      }
    }
    const rawUsage = (raw.usage ?? (raw["x_groq"] as { usage?: unknown } | undefined)?.usage) as
      | Record<string, number>
      | undefined;
    if (rawUsage) usage = rawUsage;
  }
  const prompt = usage?.["prompt_tokens"];
  // xAI counts reasoning outside completion_tokens but inside total_tokens.
  const completion =
    name.startsWith("xai-") && usage ? usage["total_tokens"]! - prompt! : usage?.["completion_tokens"];
  return { text, reasoning, argumentsText, toolNames, prompt, completion };
}

function accumulate(chunks: ChatCompletionChunk[]) {
  let text = "";
  let reasoning = "";
  const calls: Array<{ name: string; arguments: string }> = [];
  let usage: ChatUsage | undefined;
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? "";
      reasoning += choice.delta.reasoning_content ?? "";
      expect(choice.delta.reasoning).toBeUndefined();
      for (const call of choice.delta.tool_calls ?? []) {
        const slot = calls[call.index] ?? { name: "", arguments: "" };
        calls[call.index] = slot;
        slot.name += call.function?.name ?? "";
        slot.arguments += call.function?.arguments ?? "";
      }
    }
  }
  return { text, reasoning, calls, usage };
}

const streams = [...listRecordings("openai-chat", "chunks"), ...listRecordings("openai-chat", "sse")].filter(
  (recording) => presetOf(recording.name) !== undefined,
);

describe.skipIf(!hasRecordings)("recorded Groq, Mistral, xAI and Anthropic-compatible streams", () => {
  it.each(streams.map((recording) => [recording.name, recording] as const))("%s", (name, recording) => {
    const preset = presetOf(name)!;
    const raws: Raw[] =
      recording.kind === "sse"
        ? recording
            .readText()
            .split("\n")
            .filter((line) => line.startsWith("data: {"))
            .map((line) => JSON.parse(line.slice(6)))
        : recording.readChunks<Raw>();
    const body =
      recording.kind === "sse"
        ? recording.readText()
        : `${raws.map((raw) => `data: ${JSON.stringify(raw)}\n\n`).join("")}data: [DONE]\n\n`;
    const decoder = createOpenAICompatibleStreamDecoder({
      preset,
      providerName: preset.name,
      toolCallIds: createToolCallIdMap(preset.toolCallIds),
      ids: createSequentialIdGenerator(),
    });
    const chunks = [...decoder.push(body), ...decoder.end()];
    const expected = expectedFromRaw(raws, name);
    const actual = accumulate(chunks);
    expect(actual.text).toBe(expected.text);
    expect(actual.reasoning).toBe(expected.reasoning);
    expect(actual.calls.map((call) => call.name)).toEqual(expected.toolNames);
    expect(actual.calls.map((call) => call.arguments).join("")).toBe(expected.argumentsText);
    for (const call of actual.calls) expect(() => JSON.parse(call.arguments)).not.toThrow();
    // Indexes are dense from 0, and every chunk that carries usage has `choices: []`.
    expect(actual.calls.every((call) => call !== undefined)).toBe(true);
    for (const chunk of chunks) if (chunk.usage) expect(chunk.choices).toEqual([]);
    if (expected.prompt === undefined) expect(actual.usage).toBeUndefined();
    else
      expect(actual.usage).toMatchObject({
        prompt_tokens: expected.prompt,
        completion_tokens: expected.completion,
      });
    expect(decoder.warnings).toEqual([]);
  });

  it("groq-tool-call.json is normalised", () => {
    const recording = listRecordings("openai-chat", "json").find(
      (candidate) => candidate.name === "groq-tool-call.json",
    );
    if (recording === undefined) return;
    const raw = recording.readJson<{
      choices: Array<{ message: { tool_calls: Array<{ id: string }> } }>;
      usage: Record<string, number>;
    }>();
    const { value } = openAICompatibleResponseToChat(raw, {
      preset: openAICompatiblePresets.groq,
      providerName: "groq",
      toolCallIds: createToolCallIdMap("any"),
      ids: createSequentialIdGenerator(),
    });
    expect(value.choices[0]!.message.content).toBeNull();
    expect(value.choices[0]!.message.tool_calls?.map((call) => call.id)).toEqual(
      raw.choices[0]!.message.tool_calls.map((call) => call.id),
    );
    expect(value.usage).toMatchObject({
      prompt_tokens: raw.usage["prompt_tokens"],
      completion_tokens: raw.usage["completion_tokens"],
    });
  });
});

describe.skipIf(hasRecordings)("recordings", () => {
  it.skip(recordingsMissingMessage, () => {});
});
