import {
  type ChatChunkChoice,
  type ChatCompletionChunk,
  type ChatDelta,
  type ChatUsage,
  type Clock,
  GatewayError,
  type IdGenerator,
  systemClock,
  type Warning,
} from "@switchyard/core";
import type { GeminiCandidate, GeminiFunctionCall, GeminiResponse } from "./gemini-api";
import { geminiStreamErrorToGatewayError } from "./gemini-errors";
import { geminiLogprobsToChat } from "./gemini-logprobs";
import { PartialArgsAssembler } from "./gemini-partial-args";
import { classifyGeminiPart, signatureDetail } from "./gemini-parts";
import { geminiUsageToChat, hasGeminiTokenCounts } from "./gemini-usage";
import { mapGeminiFinishReason } from "./map-gemini-finish-reason";

/** Options of `createGeminiStreamTranscoder`. */
export interface GeminiStreamOptions {
  /** Mints tool call ids Gemini does not give (`call_...`) and the chunk id when `responseId` is absent. */
  ids: IdGenerator;
  clock?: Clock;
  /** The requested model, reported until a frame carries `modelVersion`. */
  model?: string;
}

/** Push state machine from `streamGenerateContent?alt=sse` frames to Chat chunks. */
export interface GeminiStreamTranscoder {
  /** Takes one frame (a whole GenerateContentResponse holding only the new parts). */
  push(frame: GeminiResponse): ChatCompletionChunk[];
  /** Closes the stream: the usage chunk, or a `GatewayError` when a candidate never finished. */
  end(): ChatCompletionChunk[];
  /** Warnings found so far (dropped parts, unmappable finish reasons). */
  readonly warnings: Warning[];
}

interface OpenCall {
  id: string;
  name: string;
  arguments: PartialArgsAssembler;
  signature?: string;
}

interface ChoiceState {
  started: boolean;
  toolCalls: number;
  finished: boolean;
  open?: OpenCall;
}

const isEmptyCall = (call: GeminiFunctionCall) =>
  call.name === undefined && call.args == null && (call.partialArgs?.length ?? 0) === 0;

/**
 * Creates the Gemini stream transcoder. Text becomes `content` deltas, thoughts `reasoning_content`,
 * thought signatures `reasoning_details` entries; function calls are emitted whole, once complete (a
 * Gemini 3 call streamed with `willContinue`/`partialArgs` is assembled first), with ids minted when Gemini
 * gives none. STOP becomes `tool_calls` when the candidate made a call in any earlier frame. Gemini sends
 * no `[DONE]`: `end()` emits the usage chunk (`choices: []`) from the last `usageMetadata`.
 */
export function createGeminiStreamTranscoder(options: GeminiStreamOptions): GeminiStreamTranscoder {
  const warnings: Warning[] = [];
  const created = Math.floor((options.clock ?? systemClock)() / 1000);
  const choices = new Map<number, ChoiceState>();
  let id: string | undefined;
  let model = options.model ?? "";
  let usage: ChatUsage | undefined;

  const chunk = (choiceList: ChatChunkChoice[]): ChatCompletionChunk => {
    id ??= options.ids("chatcmpl");
    return { id, object: "chat.completion.chunk", created, model, choices: choiceList };
  };

  const stateOf = (index: number): ChoiceState => {
    let state = choices.get(index);
    if (state === undefined) {
      state = { started: false, toolCalls: 0, finished: false };
      choices.set(index, state);
    }
    return state;
  };

  const emit = (
    out: ChatCompletionChunk[],
    index: number,
    delta: ChatDelta,
    extra: Partial<ChatChunkChoice> = {},
  ) => {
    const state = stateOf(index);
    const withRole: ChatDelta = state.started ? delta : { role: "assistant", ...delta };
    state.started = true;
    out.push(chunk([{ index, delta: withRole, finish_reason: null, ...extra }]));
  };

  const emitCall = (out: ChatCompletionChunk[], index: number, call: OpenCall) => {
    const state = stateOf(index);
    const delta: ChatDelta = {
      tool_calls: [
        {
          index: state.toolCalls,
          id: call.id,
          type: "function",
          function: { name: call.name, arguments: JSON.stringify(call.arguments.args) },
        },
      ],
    };
    if (call.signature !== undefined) delta.reasoning_details = [signatureDetail(call.signature, call.id)];
    state.toolCalls += 1;
    emit(out, index, delta);
  };

  const applyCall = (
    out: ChatCompletionChunk[],
    index: number,
    call: GeminiFunctionCall,
    signature: string | undefined,
  ) => {
    const state = stateOf(index);
    let open = state.open;
    if (open === undefined) {
      // A bare `{}` closes a streamed call; with nothing open there is nothing to close.
      if (isEmptyCall(call)) return;
      open = {
        id: call.id ?? options.ids("call"),
        name: call.name ?? "",
        arguments: new PartialArgsAssembler(),
      };
    }
    if (open.name === "" && call.name !== undefined) open.name = call.name;
    if (call.args != null) Object.assign(open.arguments.args, call.args);
    if (signature !== undefined) open.signature ??= signature;
    for (const fragment of call.partialArgs ?? []) {
      if (!open.arguments.apply(fragment)) {
        warnings.push({
          type: "dropped_content",
          code: "partialArgs",
          message: `A streamed argument with the unreadable jsonPath '${fragment.jsonPath}' was dropped.`,
        });
      }
    }
    if (call.willContinue === true) {
      state.open = open;
      return;
    }
    state.open = undefined;
    emitCall(out, index, open);
  };

  const closeOpenCall = (out: ChatCompletionChunk[], index: number) => {
    const open = stateOf(index).open;
    if (open === undefined) return;
    stateOf(index).open = undefined;
    emitCall(out, index, open);
  };

  const applyCandidate = (out: ChatCompletionChunk[], candidate: GeminiCandidate, position: number) => {
    const index = candidate.index ?? position;
    const state = stateOf(index);
    const first = out.length;
    for (const part of candidate.content?.parts ?? []) {
      const contribution = classifyGeminiPart(part);
      switch (contribution.kind) {
        case "call":
          applyCall(out, index, contribution.call, contribution.signature);
          break;
        case "text":
        case "reasoning": {
          if (contribution.text === "" && contribution.signature === undefined) break;
          const delta: ChatDelta = {};
          if (contribution.text !== "") {
            if (contribution.kind === "text") delta.content = contribution.text;
            else delta.reasoning_content = contribution.text;
          }
          if (contribution.signature !== undefined)
            delta.reasoning_details = [signatureDetail(contribution.signature)];
          emit(out, index, delta);
          break;
        }
        case "signature":
          emit(out, index, { reasoning_details: [signatureDetail(contribution.signature)] });
          break;
        case "dropped":
          warnings.push(contribution.warning);
          break;
      }
    }
    if (candidate.logprobsResult !== undefined && out.length > first) {
      out[first]!.choices[0]!.logprobs = { content: geminiLogprobsToChat(candidate.logprobsResult) };
    }
    if (candidate.finishReason !== undefined && !state.finished) {
      closeOpenCall(out, index);
      const mapped = mapGeminiFinishReason(candidate.finishReason, state.toolCalls > 0);
      if (mapped.warning) warnings.push(mapped.warning);
      state.finished = true;
      emit(out, index, {}, { finish_reason: mapped.finishReason });
    }
  };

  return {
    warnings,
    push(frame) {
      const failure = "error" in frame ? geminiStreamErrorToGatewayError(frame) : undefined;
      if (failure !== undefined) throw failure;
      id ??= frame.responseId;
      if (frame.modelVersion !== undefined) model = frame.modelVersion;
      if (hasGeminiTokenCounts(frame.usageMetadata)) usage = geminiUsageToChat(frame.usageMetadata);
      const out: ChatCompletionChunk[] = [];
      const candidates = frame.candidates ?? [];
      candidates.forEach((candidate, position) => {
        applyCandidate(out, candidate, position);
      });
      const blocked = frame.promptFeedback?.blockReason;
      if (candidates.length === 0 && blocked !== undefined && !stateOf(0).finished) {
        warnings.push({
          type: "content_filter",
          code: "prompt_blocked",
          message: `Gemini blocked the prompt (${blocked}).`,
        });
        stateOf(0).finished = true;
        emit(out, 0, {}, { finish_reason: "content_filter" });
      }
      return out;
    },
    end() {
      const unfinished = [...choices.values()].some((state) => !state.finished);
      if (choices.size === 0 || unfinished) {
        throw new GatewayError({
          status: 502,
          type: "upstream_error",
          message: "The Gemini stream ended before every candidate reported a finishReason.",
          retryable: false,
          provider: "google",
        });
      }
      return usage === undefined ? [] : [{ ...chunk([]), usage }];
    },
  };
}
