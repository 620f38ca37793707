import { type ChatUsage, createSequentialIdGenerator } from "@switchyard/core";
import {
  functionCall,
  hasRecordings,
  listRecordings,
  recordingsMissingMessage,
} from "@switchyard/core/testing";
import {
  createOpenAICompatibleStreamDecoder,
  createToolCallIdMap,
  openAICompatibleResponseToChat,
} from "@switchyard/provider-openai-compatible";
import { describe, expect, it } from "vitest";
import { deepSeekPreset } from "./deepseek-preset";

type RawDelta = {
  content?: string | null;
  reasoning_content?: string | null;
  tool_calls?: Array<{ function?: { name?: string; arguments?: string } }>;
};
type RawChunk = { choices: Array<{ delta: RawDelta }>; usage: Record<string, number> | null };

const recordings = listRecordings("openai-chat").filter((recording) =>
  recording.name.startsWith("deepseek-"),
);
const context = () => ({
  preset: deepSeekPreset,
  providerName: "deepseek",
  toolCallIds: createToolCallIdMap("any"),
  ids: createSequentialIdGenerator(),
});

describe.skipIf(!hasRecordings)("recorded DeepSeek traffic", () => {
  it.each(recordings.filter((r) => r.kind === "chunks").map((r) => [r.name, r] as const))(
    "%s",
    (_name, recording) => {
      const raws = recording.readChunks<RawChunk>();
      const deltas = raws.flatMap((raw) => raw.choices.map((choice) => choice.delta));
      const rawUsage = raws.findLast((raw) => raw.usage !== null)!.usage!;
      const decoder = createOpenAICompatibleStreamDecoder(context());
      const body = `${raws.map((raw) => `data: ${JSON.stringify(raw)}\n\n`).join("")}data: [DONE]\n\n`;
      const chunks = [...decoder.push(body), ...decoder.end()];
      const outDeltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
      expect(outDeltas.map((delta) => delta.content ?? "").join("")).toBe(
        deltas.map((delta) => delta.content ?? "").join(""),
      );
      expect(outDeltas.map((delta) => delta.reasoning_content ?? "").join("")).toBe(
        deltas.map((delta) => delta.reasoning_content ?? "").join(""),
      );
      const rawArguments = deltas
        .flatMap((delta) => delta.tool_calls ?? [])
        .map((call) => call.function?.arguments ?? "");
      const outArguments = outDeltas
        .flatMap((delta) => delta.tool_calls ?? [])
        .map((call) => call.function?.arguments ?? "");
      expect(outArguments.join("")).toBe(rawArguments.join(""));
      const usage = chunks.at(-1)!.usage as ChatUsage;
      expect(chunks.at(-1)!.choices).toEqual([]);
      expect(usage).toMatchObject({
        prompt_tokens: rawUsage["prompt_tokens"],
        completion_tokens: rawUsage["completion_tokens"],
        prompt_tokens_details: { cached_tokens: rawUsage["prompt_cache_hit_tokens"] },
      });
    },
  );

  it.each(recordings.filter((r) => r.kind === "json").map((r) => [r.name, r] as const))(
    "%s",
    (_name, recording) => {
      const raw = recording.readJson<{
        choices: Array<{
          message: RawDelta & { tool_calls?: Array<{ id: string; function: { arguments: string } }> };
          finish_reason: string;
        }>;
        usage: Record<string, number>;
      }>();
      const { value } = openAICompatibleResponseToChat(raw, context());
      const message = value.choices[0]!.message;
      expect(message.content).toBe(raw.choices[0]!.message.content);
      expect(message.reasoning_content).toBe(raw.choices[0]!.message.reasoning_content);
      expect(message.tool_calls?.map((call) => functionCall(call).function.arguments)).toEqual(
        raw.choices[0]!.message.tool_calls?.map((call) => call.function?.arguments),
      );
      expect(value.choices[0]!.finish_reason).toBe(raw.choices[0]!.finish_reason);
      expect(value.usage?.prompt_tokens_details?.cached_tokens).toBe(raw.usage["prompt_cache_hit_tokens"]);
    },
  );
});

describe.skipIf(hasRecordings)("recordings", () => {
  it.skip(recordingsMissingMessage, () => {});
});
