import {
  type ChatToolCall,
  type IdGenerator,
  REASONING_FORMATS,
  type ReasoningEncryptedDetail,
  type Warning,
} from "@switchyard/core";
import type { GeminiFunctionCall, GeminiPart } from "./gemini-api";

/** What one Gemini part contributes to a Chat message. */
export type GeminiPartContribution =
  | { kind: "text"; text: string; signature?: string }
  | { kind: "reasoning"; text: string; signature?: string }
  | { kind: "call"; call: GeminiFunctionCall; signature?: string }
  | { kind: "signature"; signature: string }
  | { kind: "dropped"; warning: Warning };

const payloadKeys = [
  "inlineData",
  "fileData",
  "executableCode",
  "codeExecutionResult",
  "functionResponse",
] as const;

/** Classifies a response part: text, thought text, function call, a bare signature, or unsupported content. */
export function classifyGeminiPart(part: GeminiPart): GeminiPartContribution {
  const signature = part.thoughtSignature;
  const withSignature = signature === undefined ? {} : { signature };
  if (part.functionCall !== undefined) return { kind: "call", call: part.functionCall, ...withSignature };
  if (part.text !== undefined && part.text !== "") {
    return { kind: part.thought === true ? "reasoning" : "text", text: part.text, ...withSignature };
  }
  const payload = payloadKeys.find((key) => part[key] !== undefined);
  if (payload !== undefined) {
    return {
      kind: "dropped",
      warning: {
        type: "dropped_content",
        code: payload,
        message: `Gemini returned a '${payload}' part, which Chat Completions cannot carry; it was dropped.`,
      },
    };
  }
  if (signature !== undefined) return { kind: "signature", signature };
  return { kind: "text", text: "" };
}

/** A Gemini thought signature as a `reasoning_details` entry; `id` is the tool call it belongs to. */
export function signatureDetail(signature: string, id?: string): ReasoningEncryptedDetail {
  const detail: ReasoningEncryptedDetail = {
    type: "reasoning.encrypted",
    data: signature,
    format: REASONING_FORMATS.google,
  };
  if (id !== undefined) detail.id = id;
  return detail;
}

/** A complete Gemini function call as a Chat tool call; an id is minted when Gemini gives none. */
export function geminiCallToChat(call: GeminiFunctionCall, ids: IdGenerator): ChatToolCall {
  return {
    id: call.id ?? ids("call"),
    type: "function",
    function: { name: call.name ?? "", arguments: JSON.stringify(call.args ?? {}) },
  };
}
