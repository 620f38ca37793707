import {
  type ChatAssistantMessage,
  type ChatContentPart,
  type ChatMessage,
  invalidRequest,
  operationNotAllowed,
  REASONING_FORMATS,
  type ReasoningDetail,
  requireFunctionToolCall,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import type { GeminiContent, GeminiPart } from "./gemini-api";
import { geminiPartForUrl, inlineDataFromDataUrl } from "./gemini-media";
import type { GeminiModelTraits } from "./gemini-models";

/**
 * The signature Google documents for function calls Gemini did not produce (history from another model or
 * written by hand): it tells Gemini 3 to skip signature validation for that call.
 * https://ai.google.dev/gemini-api/docs/thought-signatures (FAQ) and the Vertex AI thought-signatures page.
 */
export const GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER = "skip_thought_signature_validator";

/** `contents` and `systemInstruction` of a generateContent request. */
export interface GeminiContents {
  contents: GeminiContent[];
  systemInstruction?: { parts: GeminiPart[] };
}

interface PendingCall {
  id: string;
  name: string;
  path: string;
  response?: Record<string, unknown>;
}

interface State {
  traits: GeminiModelTraits;
  contents: GeminiContent[];
  system: GeminiPart[];
  warnings: Warning[];
  pending: PendingCall[];
  cacheControl: boolean;
}

const append = (state: State, role: "user" | "model", parts: GeminiPart[]) => {
  if (parts.length === 0) return;
  const last = state.contents[state.contents.length - 1];
  if (last?.role === role) last.parts = [...(last.parts ?? []), ...parts];
  else state.contents.push({ role, parts });
};

function textOf(content: string | readonly ChatContentPart[], path: string, state: State): string {
  if (typeof content === "string") return content;
  let text = "";
  content.forEach((part, index) => {
    if (part.cache_control !== undefined) state.cacheControl = true;
    if (part.type === "text") text += part.text;
    else if (part.type === "refusal") text += part.refusal;
    else {
      state.warnings.push({
        type: "dropped_content",
        code: `${path}[${index}]`,
        message: `A '${part.type}' part of a tool result cannot be sent to Gemini and was dropped.`,
      });
    }
  });
  return text;
}

function userParts(content: string | readonly ChatContentPart[], path: string, state: State): GeminiPart[] {
  if (typeof content === "string") return content === "" ? [] : [{ text: content }];
  return content.flatMap((part, index): GeminiPart[] => {
    const partPath = `${path}[${index}]`;
    if (part.cache_control !== undefined) state.cacheControl = true;
    switch (part.type) {
      case "text":
        return part.text === "" ? [] : [{ text: part.text }];
      case "refusal":
        return [{ text: part.refusal }];
      case "image_url":
        if (part.image_url.detail !== undefined && part.image_url.detail !== "auto") {
          state.warnings.push(unsupportedParameter(`${partPath}.image_url.detail`, "Gemini"));
        }
        return [geminiPartForUrl(part.image_url.url, `${partPath}.image_url.url`)];
      case "input_audio":
        return [
          { inlineData: { mimeType: `audio/${part.input_audio.format}`, data: part.input_audio.data } },
        ];
      case "file": {
        const { file_data: data, file_id: id } = part.file;
        if (data !== undefined)
          return [{ inlineData: inlineDataFromDataUrl(data, `${partPath}.file.file_data`) }];
        if (id?.startsWith("files/")) {
          return [{ fileData: { fileUri: `https://generativelanguage.googleapis.com/v1beta/${id}` } }];
        }
        if (id !== undefined && /^https:\/\//.test(id)) return [{ fileData: { fileUri: id } }];
        throw operationNotAllowed(
          `${partPath}.file`,
          "Gemini reads only its own Files API names ('files/...') or https URIs; send the file as file_data instead.",
        );
      }
      default:
        return [];
    }
  });
}

function parseArguments(text: string, path: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest("must be a JSON object (Gemini takes function arguments as an object)", path);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalidRequest("must be a JSON object (Gemini takes function arguments as an object)", path);
  }
  return parsed as Record<string, unknown>;
}

const googleSignatures = (details: readonly ReasoningDetail[] | undefined) =>
  (details ?? []).flatMap((detail) =>
    detail.type === "reasoning.encrypted" && detail.format === REASONING_FORMATS.google ? [detail] : [],
  );

function assistantParts(message: ChatAssistantMessage, path: string, state: State): GeminiPart[] {
  const parts: GeminiPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (reasoning) parts.push({ text: reasoning, thought: true });
  if (typeof message.content === "string") {
    if (message.content !== "") parts.push({ text: message.content });
  } else if (message.content) {
    for (const part of message.content) {
      const text = part.type === "text" ? part.text : part.refusal;
      if (text !== "") parts.push({ text });
    }
  }
  if (message.refusal && message.content == null) parts.push({ text: message.refusal });

  const signatures = googleSignatures(message.reasoning_details);
  const calls: { id: string; name: string; arguments: string; path: string }[] = (
    message.tool_calls ?? []
  ).map((toolCall, index) => {
    const call = requireFunctionToolCall(toolCall, `${path}.tool_calls[${index}]`, "Gemini");
    return { ...call.function, id: call.id, path: `${path}.tool_calls[${index}]` };
  });
  if (message.function_call) calls.push({ ...message.function_call, id: "", path: `${path}.function_call` });

  const textParts = parts.filter((part) => part.thought !== true);
  const unbound = signatures.filter(
    (detail) => !calls.some((call) => call.id !== "" && call.id === detail.id),
  );
  const lastText = textParts[textParts.length - 1] ?? parts[parts.length - 1];
  const textSignature = unbound[unbound.length - 1];
  if (lastText !== undefined && textSignature !== undefined) lastText.thoughtSignature = textSignature.data;

  const callParts = calls.map((call): GeminiPart => {
    const part: GeminiPart = {
      functionCall: {
        name: call.name,
        args: parseArguments(call.arguments, `${call.path}.function.arguments`),
      },
    };
    const signature = signatures.find((detail) => call.id !== "" && detail.id === call.id);
    if (signature !== undefined) part.thoughtSignature = signature.data;
    return part;
  });
  // Gemini 3 rejects a step whose first function call carries no signature; history it did not write gets
  // the documented placeholder.
  const first = callParts[0];
  if (state.traits.enforcesThoughtSignatures && first && !callParts.some((part) => part.thoughtSignature)) {
    first.thoughtSignature = GOOGLE_THOUGHT_SIGNATURE_PLACEHOLDER;
  }
  state.pending = calls.map((call) => ({ id: call.id, name: call.name, path: call.path }));
  return [...parts, ...callParts];
}

/** Emits the answered calls of the previous model turn as one user turn of functionResponse parts. */
function flushToolResults(state: State) {
  if (state.pending.length === 0) return;
  const parts = state.pending.map((call): GeminiPart => {
    if (call.response === undefined) {
      throw invalidRequest(
        "has no tool message answering it; Gemini needs one function response per function call",
        call.path,
      );
    }
    return { functionResponse: { name: call.name, response: call.response } };
  });
  state.pending = [];
  append(state, "user", parts);
}

function answer(call: PendingCall | undefined, output: string, path: string) {
  if (call === undefined) {
    throw invalidRequest("does not answer a tool call of the preceding assistant message", path);
  }
  if (call.response !== undefined)
    throw invalidRequest("answers a tool call that was already answered", path);
  // Gemini reads `output` (or `error`) in a function response: https://ai.google.dev/api/caching#FunctionResponse
  call.response = { output };
}

function convertMessage(message: ChatMessage, index: number, state: State) {
  const path = `messages[${index}]`;
  if ("cache_control" in message && message.cache_control !== undefined) state.cacheControl = true;
  if (message.role !== "tool" && message.role !== "function") flushToolResults(state);
  if ("name" in message && message.name !== undefined && message.role !== "function") {
    state.warnings.push(unsupportedParameter(`${path}.name`, "Gemini"));
  }
  switch (message.role) {
    case "system":
    case "developer": {
      if (state.contents.length > 0) {
        state.warnings.push({
          type: "adjusted_parameter",
          code: path,
          message: `Gemini takes one system instruction; the ${message.role} message at ${path} was moved into it.`,
        });
      }
      const text = textOf(message.content, `${path}.content`, state);
      if (text !== "") state.system.push({ text });
      return;
    }
    case "user":
      append(state, "user", userParts(message.content, `${path}.content`, state));
      return;
    case "assistant":
      append(state, "model", assistantParts(message, path, state));
      return;
    case "tool": {
      const call = state.pending.find((pending) => pending.id === message.tool_call_id);
      answer(call, textOf(message.content, `${path}.content`, state), `${path}.tool_call_id`);
      return;
    }
    case "function": {
      const call = state.pending.find(
        (pending) => pending.name === message.name && pending.response === undefined,
      );
      answer(call, message.content ?? "", `${path}.name`);
      return;
    }
  }
}

/**
 * Converts Chat messages to Gemini `contents` and `systemInstruction`: user and assistant become `user`
 * and `model`, system and developer messages become the system instruction, consecutive same-role turns
 * merge, tool calls become `functionCall` parts (with their thought signatures, or the documented
 * placeholder on Gemini 3 when none was kept) and tool results become `functionResponse` parts, one per
 * call of the preceding model turn, in the calls' order.
 */
export function convertToGeminiContents(
  messages: readonly ChatMessage[],
  traits: GeminiModelTraits,
): Translation<GeminiContents> {
  const state: State = { traits, contents: [], system: [], warnings: [], pending: [], cacheControl: false };
  messages.forEach((message, index) => {
    convertMessage(message, index, state);
  });
  flushToolResults(state);
  if (state.cacheControl) {
    state.warnings.push(
      unsupportedParameter(
        "cache_control",
        "Gemini",
        "Gemini caches prompts implicitly or through cachedContent",
      ),
    );
  }
  if (state.contents.length === 0) {
    throw invalidRequest("must hold at least one user or assistant message for Gemini", "messages");
  }
  const value: GeminiContents = { contents: state.contents };
  if (state.system.length > 0) value.systemInstruction = { parts: state.system };
  return { value, warnings: state.warnings };
}
