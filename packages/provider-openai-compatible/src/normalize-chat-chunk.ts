import {
  type ChatCompletionChunk,
  ChatCompletionChunkSchema,
  type IdGenerator,
  type Warning,
} from "@switchyard/core";
import { isJsonObject, type JsonObject } from "./json-value";
import type { ToolCallIdMap } from "./mistral-tool-call-ids";
import { normalizeFinishReason } from "./normalize-finish-reason";
import { argumentsAsString, normalizeReasoningAndContent } from "./normalize-message-content";
import { normalizeUsage } from "./normalize-usage";
import type { OpenAICompatiblePreset } from "./openai-compatible-preset";

/** Inputs of the chunk normaliser. */
export interface ChatChunkNormalizerOptions {
  preset: OpenAICompatiblePreset;
  /** Restores tool call ids rewritten in the request. */
  toolCallIds: ToolCallIdMap;
  /** Makes ids for tool calls that arrive without one. */
  ids: IdGenerator;
}

/** A push normaliser from a server's raw chunk objects to OpenAI-shaped `ChatCompletionChunk`s. */
export interface ChatChunkNormalizer {
  push(raw: unknown): ChatCompletionChunk[];
  /** Whether a chunk with a `finish_reason` has been seen. */
  readonly finished: boolean;
  /** Skipped chunks and dropped content, growing while the stream is read. */
  readonly warnings: Warning[];
}

interface ToolCallSlot {
  upstreamIndex: number | undefined;
  id: string;
  index: number;
}

/** The tool calls of one choice, numbered densely in order of appearance. */
class ToolCallTracker {
  private readonly slots: ToolCallSlot[] = [];

  constructor(private readonly options: ChatChunkNormalizerOptions) {}

  /**
   * Finds the call a fragment belongs to. With `index`, by index, unless it brings a different id (a
   * server reusing index 0 for parallel calls); without `index` (Mistral, Ollama), a fragment with a new id
   * starts a call and one without an id continues the last call.
   */
  private slotFor(fragment: JsonObject): { slot: ToolCallSlot; isNew: boolean } {
    const upstreamIndex = typeof fragment["index"] === "number" ? fragment["index"] : undefined;
    const id = typeof fragment["id"] === "string" && fragment["id"] !== "" ? fragment["id"] : undefined;
    const last = this.slots.at(-1);
    let slot: ToolCallSlot | undefined;
    if (upstreamIndex !== undefined) {
      slot = this.slots.findLast((candidate) => candidate.upstreamIndex === upstreamIndex);
      if (slot !== undefined && id !== undefined && id !== slot.id) slot = undefined;
    } else if (id === undefined) {
      slot = last;
    } else {
      slot = this.slots.find((candidate) => candidate.id === id);
    }
    if (slot !== undefined) return { slot, isNew: false };
    const created: ToolCallSlot = {
      upstreamIndex,
      id: id === undefined ? this.options.ids("call") : this.options.toolCallIds.restore(id),
      index: this.slots.length,
    };
    this.slots.push(created);
    return { slot: created, isNew: true };
  }

  normalize(fragment: JsonObject): JsonObject {
    const { slot, isNew } = this.slotFor(fragment);
    const source = isJsonObject(fragment["function"]) ? fragment["function"] : {};
    const name = typeof source["name"] === "string" && source["name"] !== "" ? source["name"] : undefined;
    const argumentsText = argumentsAsString(source["arguments"]);
    const { index: _index, id: _id, type: _type, function: _function, ...rest } = fragment;
    const functionPart: JsonObject = {};
    if (isNew && name !== undefined) functionPart["name"] = name;
    functionPart["arguments"] = argumentsText ?? "";
    return isNew
      ? { ...rest, index: slot.index, id: slot.id, type: "function", function: functionPart }
      : { ...rest, index: slot.index, function: functionPart };
  }
}

/** Creates a chunk normaliser: reasoning, content parts, tool call indexes and ids, usage. */
export function createChatChunkNormalizer(options: ChatChunkNormalizerOptions): ChatChunkNormalizer {
  const trackers = new Map<number, ToolCallTracker>();
  const warnings: Warning[] = [];
  const dropped = new Set<string>();
  let finished = false;

  const normalizeChoice = (raw: JsonObject): JsonObject => {
    const choice: JsonObject = { ...raw };
    const index = typeof choice["index"] === "number" ? choice["index"] : 0;
    choice["index"] = index;
    const delta: JsonObject = isJsonObject(choice["delta"]) ? { ...choice["delta"] } : {};
    for (const type of normalizeReasoningAndContent(delta)) {
      if (!dropped.has(type)) {
        dropped.add(type);
        warnings.push({
          type: "dropped_content",
          code: type,
          message: `Content parts of type '${type}' have no Chat equivalent and were left out.`,
        });
      }
    }
    if (Array.isArray(delta["tool_calls"])) {
      let tracker = trackers.get(index);
      if (tracker === undefined) {
        tracker = new ToolCallTracker(options);
        trackers.set(index, tracker);
      }
      const known = tracker;
      delta["tool_calls"] = (delta["tool_calls"] as unknown[])
        .filter(isJsonObject)
        .map((fragment) => known.normalize(fragment));
    }
    choice["delta"] = delta;
    if (choice["finish_reason"] !== null && choice["finish_reason"] !== undefined) {
      choice["finish_reason"] = normalizeFinishReason(choice["finish_reason"]);
      finished = true;
    }
    return choice;
  };

  const push = (raw: unknown): ChatCompletionChunk[] => {
    if (!isJsonObject(raw)) {
      warnings.push({
        type: "unknown_event",
        code: "chunk",
        message: "A stream event that is not a JSON object was skipped.",
      });
      return [];
    }
    const candidate: JsonObject = { ...raw };
    const choices = Array.isArray(raw["choices"])
      ? raw["choices"].filter(isJsonObject).map(normalizeChoice)
      : [];
    candidate["choices"] = choices;
    const usage = normalizeUsage(raw["usage"], options.preset);
    if (usage !== undefined) candidate["usage"] = usage;
    const parsed = ChatCompletionChunkSchema.safeParse(candidate);
    if (!parsed.success) {
      warnings.push({
        type: "unknown_event",
        code: "chunk",
        message: `A stream chunk that is not a chat.completion.chunk was skipped: ${parsed.error.issues[0]?.message ?? "invalid"}.`,
      });
      return [];
    }
    let chunk = parsed.data;
    if (options.preset.finishChunk !== undefined) {
      const finishedChunk = options.preset.finishChunk(chunk);
      warnings.push(...finishedChunk.warnings);
      chunk = finishedChunk.value;
    }
    if (chunk.usage == null || chunk.choices.length === 0) {
      if (chunk.choices.length === 0 && chunk.usage == null) return [];
      return [chunk];
    }
    // Usage travels on a chunk of its own with `choices: []`, as OpenAI sends it with include_usage.
    const { usage: chunkUsage, ...content } = chunk;
    return [content, { ...content, choices: [], usage: chunkUsage }];
  };

  return {
    push,
    get finished() {
      return finished;
    },
    warnings,
  };
}
