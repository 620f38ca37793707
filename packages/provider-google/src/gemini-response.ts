import {
  type ChatChoice,
  type ChatCompletionResponse,
  type ChatResponseMessage,
  type ChatToolCall,
  type Clock,
  type IdGenerator,
  type ReasoningDetail,
  systemClock,
  type Translation,
  type Warning,
} from "@switchyard/core";
import type { GeminiCandidate, GeminiResponse } from "./gemini-api";
import { geminiLogprobsToChat } from "./gemini-logprobs";
import { classifyGeminiPart, geminiCallToChat, signatureDetail } from "./gemini-parts";
import { geminiUsageToChat, hasGeminiTokenCounts } from "./gemini-usage";
import { mapGeminiFinishReason } from "./map-gemini-finish-reason";

/** Options of `geminiResponseToChat`. */
export interface GeminiToChatOptions {
  /** Mints tool call ids Gemini does not give (`call_...`) and the response id when `responseId` is absent. */
  ids: IdGenerator;
  clock?: Clock;
  /** The requested model, reported when the response carries no `modelVersion`. */
  model?: string;
}

function candidateToChoice(
  candidate: GeminiCandidate,
  position: number,
  ids: IdGenerator,
  warnings: Warning[],
): ChatChoice {
  let text = "";
  let reasoning = "";
  const toolCalls: ChatToolCall[] = [];
  const details: ReasoningDetail[] = [];
  for (const part of candidate.content?.parts ?? []) {
    const contribution = classifyGeminiPart(part);
    switch (contribution.kind) {
      case "text":
        text += contribution.text;
        if (contribution.signature !== undefined) details.push(signatureDetail(contribution.signature));
        break;
      case "reasoning":
        reasoning += contribution.text;
        if (contribution.signature !== undefined) details.push(signatureDetail(contribution.signature));
        break;
      case "signature":
        details.push(signatureDetail(contribution.signature));
        break;
      case "call": {
        const call = geminiCallToChat(contribution.call, ids);
        toolCalls.push(call);
        if (contribution.signature !== undefined)
          details.push(signatureDetail(contribution.signature, call.id));
        break;
      }
      case "dropped":
        warnings.push(contribution.warning);
        break;
    }
  }
  const message: ChatResponseMessage = { role: "assistant", content: text === "" ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning !== "") message.reasoning_content = reasoning;
  if (details.length > 0) message.reasoning_details = details;

  let finishReason: string | null = null;
  if (candidate.finishReason !== undefined) {
    const mapped = mapGeminiFinishReason(candidate.finishReason, toolCalls.length > 0);
    finishReason = mapped.finishReason;
    if (mapped.warning) warnings.push(mapped.warning);
  }
  const choice: ChatChoice = { index: candidate.index ?? position, message, finish_reason: finishReason };
  if (candidate.logprobsResult !== undefined) {
    choice.logprobs = { content: geminiLogprobsToChat(candidate.logprobsResult) };
  }
  return choice;
}

/**
 * Translates a generateContent answer into a Chat completion: text parts become `content`, thought parts
 * `reasoning_content`, function calls `tool_calls` (ids minted when absent, arguments serialised), thought
 * signatures `reasoning_details` entries (format google, `id` = the tool call's id for a call's signature),
 * `finishReason` and `usageMetadata` mapped. A blocked prompt becomes one empty `content_filter` choice.
 */
export function geminiResponseToChat(
  response: GeminiResponse,
  options: GeminiToChatOptions,
): Translation<ChatCompletionResponse> {
  const warnings: Warning[] = [];
  const clock = options.clock ?? systemClock;
  let choices = (response.candidates ?? []).map((candidate, position) =>
    candidateToChoice(candidate, position, options.ids, warnings),
  );
  if (choices.length === 0) {
    const blocked = response.promptFeedback?.blockReason;
    if (blocked !== undefined) {
      warnings.push({
        type: "content_filter",
        code: "prompt_blocked",
        message: `Gemini blocked the prompt (${blocked})${response.promptFeedback?.blockReasonMessage ? `: ${response.promptFeedback.blockReasonMessage}` : "."}`,
      });
    }
    choices = [
      {
        index: 0,
        message: { role: "assistant", content: null },
        finish_reason: blocked !== undefined ? "content_filter" : "stop",
      },
    ];
  }
  const value: ChatCompletionResponse = {
    id: response.responseId ?? options.ids("chatcmpl"),
    object: "chat.completion",
    created: Math.floor(clock() / 1000),
    model: response.modelVersion ?? options.model ?? "",
    choices,
  };
  if (hasGeminiTokenCounts(response.usageMetadata)) value.usage = geminiUsageToChat(response.usageMetadata);
  return { value, warnings };
}
